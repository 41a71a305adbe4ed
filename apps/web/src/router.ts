import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { session } from '@/auth/session';

/** Staff pages need a signed-in person (`meta.staff`); the portal and the sign-in page do not. */
const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/tasks' },
  { path: '/sign-in', component: () => import('./pages/sign-in/SignInPage.vue') },
  { path: '/sign-in/callback', component: () => import('./pages/sign-in/OidcCallbackPage.vue') },
  { path: '/tasks', component: () => import('./pages/tasks/TasksPage.vue'), meta: { staff: true } },
  {
    path: '/reviews/new',
    component: () => import('./pages/review-prepare/PrepareReviewPage.vue'),
    meta: { staff: true },
  },
  {
    path: '/reviews/:caseNo',
    component: () => import('./pages/review/ReviewPage.vue'),
    props: true,
    meta: { staff: true },
  },
  { path: '/cases', component: () => import('./pages/cases/CaseListPage.vue'), meta: { staff: true } },
  {
    path: '/cases/:caseNo',
    component: () => import('./pages/cases/CasePage.vue'),
    props: true,
    meta: { staff: true },
  },
  { path: '/disclosure', component: () => import('./pages/disclosure/DisclosurePage.vue'), meta: { staff: true } },
  {
    path: '/disclosure/publications/:decisionNumber',
    component: () => import('./pages/disclosure/PublicationReviewPage.vue'),
    props: true,
    meta: { staff: true },
  },
  {
    path: '/disclosure/law-changes',
    component: () => import('./pages/disclosure/LawChangesPage.vue'),
    meta: { staff: true },
  },
  {
    path: '/disclosure/annual-reports',
    component: () => import('./pages/disclosure/AnnualReportPage.vue'),
    meta: { staff: true },
  },
  { path: '/devices', component: () => import('./pages/devices/DevicesPage.vue'), meta: { staff: true } },
  { path: '/supervision', component: () => import('./pages/supervision/SupervisionPage.vue'), meta: { staff: true } },
  { path: '/admin/calendar', component: () => import('./pages/admin/CalendarAdminPage.vue'), meta: { staff: true } },
  { path: '/admin/catalogue', component: () => import('./pages/admin/CatalogueAdminPage.vue'), meta: { staff: true } },
  {
    path: '/admin/store-check',
    component: () => import('./pages/admin/StoreCheckPage.vue'),
    meta: { staff: true },
  },
  { path: '/portal', component: () => import('./pages/portal/PortalPage.vue'), meta: { portal: true } },
  {
    path: '/portal/items/:id',
    component: () => import('./pages/portal/PortalItemPage.vue'),
    props: true,
    meta: { portal: true },
  },
  {
    path: '/portal/items/:id/objection',
    component: () => import('./pages/portal/PortalObjectionPage.vue'),
    props: true,
    meta: { portal: true },
  },
  { path: '/:rest(.*)*', component: () => import('./pages/not-found/NotFoundPage.vue') },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach((to) => {
  if (to.meta.staff && session.value === null) return { path: '/sign-in', query: { next: to.fullPath } };
  return true;
});
