import type { Section } from './sections.ts';
import { OverviewPage } from '../pages/OverviewPage.tsx';
import { OrdersPage } from '../pages/orders/OrdersPage.tsx';
import { OrderDetailPage } from '../pages/orders/OrderDetailPage.tsx';
import { ReservationsPage } from '../pages/reservations/ReservationsPage.tsx';
import { PlanningPage } from '../pages/planning/PlanningPage.tsx';
import { CallsPage } from '../pages/calls/CallsPage.tsx';
import { CallDetailPage } from '../pages/calls/CallDetailPage.tsx';
import { MenuPage } from '../pages/menu/MenuPage.tsx';
import { FaqPage } from '../pages/knowledge/FaqPage.tsx';
import { MessagesPage } from '../pages/knowledge/MessagesPage.tsx';
import { CustomersPage } from '../pages/customers/CustomersPage.tsx';
import { SettingsPage } from '../pages/settings/SettingsPage.tsx';
import { FormulasPage } from '../pages/formulas/FormulasPage.tsx';
import { ServicesPage } from '../pages/services/ServicesPage.tsx';
import { OffersPage } from '../pages/offers/OffersPage.tsx';
import { RoomsPage } from '../pages/rooms/RoomsPage.tsx';
import { ZonesPage } from '../pages/zones/ZonesPage.tsx';
import { TestCallPage } from '../pages/testcall/TestCallPage.tsx';

/** The page for a section of the open restaurant, or one item of it (an order, a call). */
export function SectionPage({ restaurantId, section, itemId }: { restaurantId: string; section: Section; itemId: string | null }) {
  switch (section) {
    case 'overview':
      return <OverviewPage restaurantId={restaurantId} />;
    case 'orders':
      return itemId ? <OrderDetailPage orderId={itemId} /> : <OrdersPage />;
    case 'reservations':
      return <ReservationsPage />;
    case 'planning':
      return <PlanningPage />;
    case 'calls':
      return itemId ? <CallDetailPage callId={itemId} /> : <CallsPage />;
    case 'menu':
      return <MenuPage />;
    case 'faq':
      return <FaqPage />;
    case 'messages':
      return <MessagesPage />;
    case 'customers':
      return <CustomersPage />;
    case 'settings':
      return <SettingsPage tab={itemId} />;
    case 'setMenus':
      return <FormulasPage />;
    case 'services':
      return <ServicesPage />;
    case 'offers':
      return <OffersPage />;
    case 'rooms':
      return <RoomsPage />;
    case 'deliveryZones':
      return <ZonesPage />;
    case 'testCall':
      return <TestCallPage />;
  }
}
