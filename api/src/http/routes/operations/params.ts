import { z } from 'zod';
import { Id } from '../../../contract/common.ts';

export const RestaurantParams = z.object({ restaurantId: Id });
export const ItemParams = z.object({ restaurantId: Id, id: Id });
export const AddressParams = z.object({ restaurantId: Id, id: Id, addressId: Id });
