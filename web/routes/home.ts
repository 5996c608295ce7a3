/** The front page: officials go to their work, everyone else sees the public services. */
import { Router } from 'express';
import type { WebServices } from '../services';

export function homeRoutes(s: WebServices): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const user = req.session.user;
    if (user) return res.redirect(303, user.role === 'supervisor' ? '/giam-sat' : '/cong-viec');
    res.render('home', { title: 'Dịch vụ công trực tuyến', procedures: s.catalog.published() });
  });
  return router;
}
