// Inputs and outputs of order pricing. Field names follow the Prisma model so
// a repository maps rows (with their relations included) without logic.

export type OrderType = 'pickup' | 'delivery' | 'dine_in';
export type OrderChannel = 'phone' | 'dashboard' | 'web' | 'platform';

export interface OptionInput {
  id: string;
  name: string;
  priceDeltaCents: number;
  available: boolean;
}

export interface OptionGroupInput {
  id: string;
  name: string;
  minSelect: number;
  maxSelect: number;
  required: boolean;
  options: OptionInput[];
}

export interface MenuItemInput {
  id: string;
  name: string;
  priceCents: number;
  available: boolean;
  archived?: boolean;
  /** The groups linked through MenuItemOptionGroup. */
  optionGroups: OptionGroupInput[];
}

export interface FormulaStepInput {
  id: string;
  name: string;
  minChoices: number;
  maxChoices: number;
  choices: Array<{ itemId: string; supplementCents: number }>;
}

export interface FormulaInput {
  id: string;
  name: string;
  priceCents: number;
  available: boolean;
  /** ISO weekdays; empty = every day. */
  weekdays: number[];
  /** Reservation services; not checked when pricing an order. */
  serviceIds?: string[];
  steps: FormulaStepInput[];
}

export interface MenuSnapshot {
  items: MenuItemInput[];
  formulas: FormulaInput[];
}

export interface ItemLineRequest {
  itemId: string;
  quantity: number;
  optionIds: string[];
  notes?: string;
}

export interface FormulaLineRequest {
  formulaId: string;
  quantity: number;
  choices: Array<{ stepId: string; itemIds: string[] }>;
  notes?: string;
}

export type OrderLineRequest = ItemLineRequest | FormulaLineRequest;

export interface OfferInput {
  id: string;
  name: string;
  kind: 'promotion' | 'special_menu' | 'event';
  active: boolean;
  appliesTo: 'order' | 'reservation' | 'both';
  startDate?: string | null;
  endDate?: string | null;
  weekdays: number[];
  startTime?: string | null;
  endTime?: string | null;
  orderTypes: OrderType[];
  channels: OrderChannel[];
  minOrderCents?: number | null;
  discountPercent?: number | null;
  discountAmountCents?: number | null;
  /** When set, the offer needs this formula in the order and discounts only its lines. */
  formulaId?: string | null;
}

export interface DeliveryZoneInput {
  id?: string;
  feeCents: number;
  minOrderCents: number;
  freeAboveCents?: number | null;
}

export interface PricingInput {
  menu: MenuSnapshot;
  lines: OrderLineRequest[];
  type: OrderType;
  channel: OrderChannel;
  offers: OfferInput[];
  deliveryZone: DeliveryZoneInput | null;
  now: Date;
  /** The promised time, when the caller asked for one; offer conditions are judged then. */
  requestedAt?: Date | null;
  timeZone: string;
}

/** Snapshotted as-is into OrderItem.options / OrderItem.formulaChoices. */
export interface LineOption { group: string; name: string; priceDeltaCents: number }
export interface LineFormulaChoice { step: string; itemId: string; name: string; supplementCents: number }

export interface PricedLine {
  menuItemId: string | null;
  formulaId: string | null;
  name: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
  options: LineOption[];
  formulaChoices: LineFormulaChoice[];
  notes?: string;
}

export interface PricingResult {
  ok: true;
  lines: PricedLine[];
  subtotalCents: number;
  discountCents: number;
  appliedOffer: { id: string; name: string } | null;
  deliveryFeeCents: number;
  totalCents: number;
  /** Short French sentences for the agent to read back to the caller. */
  readBack: string[];
}

export type PricingFailureCode =
  | 'unknown_item' | 'item_unavailable' | 'option_invalid' | 'option_count' | 'formula_invalid'
  | 'formula_step_count' | 'quantity_invalid' | 'no_delivery_zone' | 'below_minimum';

export interface PricingFailure {
  ok: false;
  code: PricingFailureCode;
  /** French, addressed to the agent: what is wrong and what to do next. */
  message: string;
  details: Record<string, unknown>;
}
