/** The front page: officials go to their work, everyone else sees the public services. */
import { Router } from 'express';
import type { WebServices } from '../services';
import { homePage } from '../view-models/home';
import { homeOf } from '../view-models/layout';

export function homeRoutes(s: WebServices): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const user = req.session.user;
    if (user) return res.redirect(303, homeOf(user));
    res.render('home', homePage(s.procedures.published()));
  });
  return router;
}
