import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { can, session } from './auth/session';

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/dashboard' },
  { path: '/signin', name: 'signin', component: () => import('./views/SignInView.vue'), meta: { public: true } },
  {
    path: '/signin/callback',
    name: 'callback',
    component: () => import('./views/SignInView.vue'),
    meta: { public: true },
  },
  { path: '/dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue') },
  { path: '/enterprises', name: 'enterprises', component: () => import('./views/EnterprisesView.vue') },
  {
    path: '/enterprises/:creditCode',
    name: 'enterprise',
    component: () => import('./views/EnterpriseView.vue'),
    props: true,
  },
  { path: '/work', name: 'work', component: () => import('./views/WorkView.vue'), meta: { write: true } },
  { path: '/expiring', name: 'expiring', component: () => import('./views/ExpiringView.vue') },
  { path: '/import', name: 'import', component: () => import('./views/ImportView.vue'), meta: { write: true } },
  { path: '/reports', name: 'reports', component: () => import('./views/ReportsView.vue') },
  { path: '/:rest(.*)*', redirect: '/dashboard' },
];

export const router = createRouter({ history: createWebHistory('/'), routes });

router.beforeEach((to) => {
  if (to.meta.public) return true;
  if (!session.user.value) return { name: 'signin', query: { next: to.fullPath } };
  if (to.meta.write && !can.write.value) return { name: 'dashboard' };
  return true;
});
