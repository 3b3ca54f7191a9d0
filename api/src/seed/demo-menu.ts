// The demo menu: categories, dishes, option groups and formules. Allergens
// follow the real recipes (EU 1169/2011), since the AI reads them to callers.
import type { Allergen, DietaryTag } from '../generated/prisma/client.ts';

export interface DemoItem {
  name: string; nameEn: string; description: string; priceCents: number;
  allergens: Allergen[]; tags: DietaryTag[];
  /** Option groups; defaults to the category's. */
  groups?: string[];
  soldOut?: boolean;
  prepMinutes?: number;
}

export interface DemoCategory { name: string; nameEn: string; description: string; groups: string[]; items: DemoItem[] }

type Tags = DietaryTag[];
const VEG: Tags = ['vegetarian'];
const VEGAN: Tags = ['vegan', 'vegetarian'];

function item(name: string, nameEn: string, priceCents: number, description: string,
  allergens: Allergen[], tags: Tags = [], extra: Partial<DemoItem> = {}): DemoItem {
  return { name, nameEn, priceCents, description, allergens, tags, ...extra };
}

const PIZZA_GROUPS = ['Taille', 'Suppléments'];

export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    name: 'Entrées', nameEn: 'Starters', description: 'À partager ou pour patienter.', groups: [],
    items: [
      item('Panisses marseillaises', 'Marseille chickpea fries', 650, 'Frites de farine de pois chiche, sel de Camargue, citron.', [], [...VEGAN, 'homemade', 'gluten_free']),
      item('Bruschetta tomates basilic', 'Tomato and basil bruschetta', 750, 'Pain grillé, tomates fraîches, ail, basilic, huile d’olive.', ['gluten'], VEGAN),
      item('Arancini', 'Arancini', 850, 'Boulettes de riz panées au cœur de mozzarella, sauce tomate.', ['gluten', 'eggs', 'milk'], [...VEG, 'homemade']),
      item('Burrata des Pouilles', 'Apulian burrata', 1250, 'Burrata crémeuse, tomates cerises, roquette, huile d’olive.', ['milk'], VEG),
      item('Salade César', 'Caesar salad', 1250, 'Romaine, poulet grillé, croûtons, copeaux de parmesan, sauce César aux anchois.', ['gluten', 'eggs', 'fish', 'milk', 'mustard']),
      item('Carpaccio de bœuf', 'Beef carpaccio', 1350, 'Bœuf cru finement tranché, roquette, parmesan, câpres.', ['milk']),
      item('Antipasti misti', 'Mixed antipasti', 1450, 'Jambon de Parme, salami, légumes grillés marinés, mozzarella.', ['milk', 'sulphites']),
    ],
  },
  {
    name: 'Pizzas rouges', nameEn: 'Tomato-based pizzas', description: 'Base sauce tomate, pâte maturée 48 h, cuites au feu de bois.', groups: PIZZA_GROUPS,
    items: [
      item('Marinara', 'Marinara', 900, 'Tomate, ail, origan, huile d’olive.', ['gluten'], VEGAN),
      item('Margherita', 'Margherita', 1100, 'Tomate, mozzarella fior di latte, basilic.', ['gluten', 'milk'], VEG),
      item('Moitié-moitié', 'Half and half', 1250, 'La marseillaise : une moitié anchois, une moitié fromage, olives.', ['gluten', 'milk', 'fish']),
      item('Napolitaine', 'Neapolitan', 1250, 'Tomate, mozzarella, anchois, câpres, olives noires.', ['gluten', 'milk', 'fish']),
      item('Regina', 'Regina', 1300, 'Tomate, mozzarella, jambon blanc, champignons de Paris.', ['gluten', 'milk']),
      item('Végétarienne', 'Vegetarian', 1300, 'Tomate, mozzarella, poivrons, aubergines grillées, courgettes, oignons rouges.', ['gluten', 'milk'], VEG),
      item('Diavola', 'Diavola', 1350, 'Tomate, mozzarella, salami piquant, piment de Calabre.', ['gluten', 'milk'], ['spicy']),
      item('Calzone', 'Calzone', 1400, 'Chausson : tomate, mozzarella, jambon, œuf, champignons.', ['gluten', 'milk', 'eggs'], [], { prepMinutes: 14 }),
      item('Quatre saisons', 'Four seasons', 1400, 'Tomate, mozzarella, jambon, champignons, artichauts, olives.', ['gluten', 'milk']),
      item('Parma', 'Parma', 1550, 'Tomate, mozzarella, jambon de Parme 18 mois, roquette, parmesan.', ['gluten', 'milk']),
    ],
  },
  {
    name: 'Pizzas blanches', nameEn: 'White pizzas', description: 'Base crème fraîche ou huile d’olive.', groups: PIZZA_GROUPS,
    items: [
      item('Bianca', 'Bianca', 950, 'Huile d’olive, ail, romarin, fleur de sel.', ['gluten'], VEGAN),
      item('Chèvre miel', 'Goat cheese and honey', 1350, 'Crème, mozzarella, chèvre, miel de lavande, noix.', ['gluten', 'milk', 'nuts'], VEG),
      item('Quatre fromages', 'Four cheese', 1400, 'Crème, mozzarella, gorgonzola, chèvre, parmesan.', ['gluten', 'milk'], VEG),
      item('Savoyarde', 'Savoyarde', 1450, 'Crème, pommes de terre, lardons, reblochon, oignons.', ['gluten', 'milk']),
      item('Saumon', 'Smoked salmon', 1550, 'Crème, mozzarella, saumon fumé, aneth, citron.', ['gluten', 'milk', 'fish']),
      item('Mortadella pistacchio', 'Mortadella and pistachio', 1650, 'Mozzarella, mortadelle, burrata, éclats de pistache.', ['gluten', 'milk', 'nuts'], [], { soldOut: true }),
      item('Tartufo', 'Truffle', 1750, 'Crème de truffe, mozzarella, champignons, huile de truffe.', ['gluten', 'milk'], VEG),
    ],
  },
  {
    name: 'Pâtes', nameEn: 'Pasta', description: 'Sauces maison, pâtes au choix.', groups: ['Pâtes', 'Suppléments'],
    items: [
      item('Arrabbiata', 'Arrabbiata', 1150, 'Sauce tomate relevée, ail, piment, persil.', ['gluten'], [...VEGAN, 'spicy']),
      item('Pesto alla genovese', 'Pesto genovese', 1250, 'Pesto de basilic, pignons, parmesan.', ['gluten', 'milk'], VEG),
      item('Bolognaise', 'Bolognese', 1300, 'Ragù de bœuf mijoté 4 h, carottes, céleri, vin rouge.', ['gluten', 'celery', 'sulphites'], ['homemade']),
      item('Carbonara', 'Carbonara', 1350, 'Guanciale, jaune d’œuf, pecorino, poivre noir. Sans crème.', ['gluten', 'eggs', 'milk']),
      item('Gnocchi sorrentina', 'Gnocchi sorrentina', 1350, 'Gnocchi gratinés, sauce tomate, mozzarella, basilic.', ['gluten', 'eggs', 'milk'], VEG, { groups: ['Suppléments'] }),
      item('Lasagnes maison', 'Homemade lasagna', 1450, 'Ragù de bœuf, béchamel, parmesan.', ['gluten', 'eggs', 'milk', 'celery', 'sulphites'], ['homemade'], { groups: [] }),
      item('Fruits de mer', 'Seafood', 1750, 'Moules, calamars, crevettes, vin blanc, ail, persil.', ['gluten', 'crustaceans', 'molluscs', 'sulphites']),
    ],
  },
  {
    name: 'Desserts', nameEn: 'Desserts', description: 'Faits maison.', groups: [],
    items: [
      item('Coupe de glace', 'Ice cream cup', 650, 'Trois boules au choix.', ['milk'], VEG, { groups: ['Parfums'] }),
      item('Panna cotta', 'Panna cotta', 650, 'Crème vanille, coulis de fruits rouges.', ['milk'], [...VEG, 'homemade', 'gluten_free']),
      item('Tiramisu', 'Tiramisu', 700, 'Mascarpone, biscuits imbibés de café, cacao.', ['gluten', 'eggs', 'milk'], [...VEG, 'homemade']),
      item('Cannoli siciliens', 'Sicilian cannoli', 700, 'Ricotta sucrée, pistaches, écorces d’orange.', ['gluten', 'milk', 'nuts'], VEG, { soldOut: true }),
      item('Fondant au chocolat', 'Chocolate fondant', 750, 'Cœur coulant, servi tiède.', ['gluten', 'eggs', 'milk', 'soybeans'], [...VEG, 'homemade']),
      item('Pizza Nutella', 'Nutella pizza', 900, 'Pâte à pizza, pâte à tartiner aux noisettes, sucre glace.', ['gluten', 'milk', 'nuts', 'soybeans'], VEG),
    ],
  },
  {
    name: 'Boissons', nameEn: 'Drinks', description: 'Softs, bières et vins.', groups: [],
    items: [
      item('Café expresso', 'Espresso', 200, 'Torréfaction marseillaise.', [], VEGAN),
      item('Eau minérale 50 cl', 'Still water 50 cl', 300, 'Evian.', [], VEGAN),
      item('San Pellegrino 50 cl', 'San Pellegrino 50 cl', 350, 'Eau pétillante.', [], VEGAN),
      item('Coca-Cola 33 cl', 'Coca-Cola 33 cl', 350, 'Canette.', [], VEGAN),
      item('Coca-Cola Zéro 33 cl', 'Coke Zero 33 cl', 350, 'Canette.', [], VEGAN),
      item('Limonade artisanale 33 cl', 'Craft lemonade 33 cl', 400, 'Limonade de Provence, citron.', [], VEGAN),
      item('Bière Peroni 33 cl', 'Peroni beer 33 cl', 500, 'Blonde italienne, 5,1 %.', ['gluten']),
      item('Rosé de Provence 75 cl', 'Provence rosé 75 cl', 1800, 'AOP Côtes de Provence.', ['sulphites'], VEGAN),
      item('Chianti 75 cl', 'Chianti 75 cl', 2200, 'DOCG, rouge.', ['sulphites'], VEGAN),
    ],
  },
];

export interface DemoOption { name: string; nameEn: string; priceDeltaCents: number; allergens?: Allergen[]; isDefault?: boolean }
export interface DemoOptionGroup { name: string; nameEn: string; minSelect: number; maxSelect: number; required: boolean; options: DemoOption[] }

export const DEMO_OPTION_GROUPS: DemoOptionGroup[] = [
  {
    name: 'Taille', nameEn: 'Size', minSelect: 1, maxSelect: 1, required: true,
    options: [
      { name: 'Normale', nameEn: 'Regular (29 cm)', priceDeltaCents: 0, isDefault: true },
      { name: 'Grande', nameEn: 'Large (40 cm)', priceDeltaCents: 400 },
    ],
  },
  {
    name: 'Suppléments', nameEn: 'Extras', minSelect: 0, maxSelect: 5, required: false,
    options: [
      { name: 'Burrata', nameEn: 'Burrata', priceDeltaCents: 350, allergens: ['milk'] },
      { name: 'Jambon cru', nameEn: 'Cured ham', priceDeltaCents: 300 },
      { name: 'Mozzarella', nameEn: 'Extra mozzarella', priceDeltaCents: 200, allergens: ['milk'] },
      { name: 'Anchois', nameEn: 'Anchovies', priceDeltaCents: 200, allergens: ['fish'] },
      { name: 'Œuf', nameEn: 'Egg', priceDeltaCents: 150, allergens: ['eggs'] },
      { name: 'Champignons', nameEn: 'Mushrooms', priceDeltaCents: 150 },
      { name: 'Olives', nameEn: 'Olives', priceDeltaCents: 100 },
      { name: 'Piment', nameEn: 'Chili oil', priceDeltaCents: 0 },
    ],
  },
  {
    name: 'Pâtes', nameEn: 'Pasta shape', minSelect: 1, maxSelect: 1, required: true,
    options: [
      { name: 'Spaghetti', nameEn: 'Spaghetti', priceDeltaCents: 0, allergens: ['gluten'], isDefault: true },
      { name: 'Penne', nameEn: 'Penne', priceDeltaCents: 0, allergens: ['gluten'] },
      { name: 'Tagliatelles fraîches', nameEn: 'Fresh tagliatelle', priceDeltaCents: 100, allergens: ['gluten', 'eggs'] },
    ],
  },
  {
    name: 'Parfums', nameEn: 'Flavours', minSelect: 1, maxSelect: 3, required: true,
    options: [
      { name: 'Vanille', nameEn: 'Vanilla', priceDeltaCents: 0, allergens: ['milk', 'eggs'] },
      { name: 'Chocolat', nameEn: 'Chocolate', priceDeltaCents: 0, allergens: ['milk', 'soybeans'] },
      { name: 'Pistache', nameEn: 'Pistachio', priceDeltaCents: 0, allergens: ['milk', 'nuts'] },
      { name: 'Sorbet citron', nameEn: 'Lemon sorbet', priceDeltaCents: 0 },
      { name: 'Sorbet fraise', nameEn: 'Strawberry sorbet', priceDeltaCents: 0 },
    ],
  },
];

export interface DemoFormulaStep { name: string; nameEn: string; minChoices: number; maxChoices: number; choices: [item: string, supplementCents: number][] }
export interface DemoFormula {
  name: string; nameEn: string; description: string; priceCents: number;
  weekdays: number[]; services: string[]; steps: DemoFormulaStep[];
}

export const DEMO_FORMULAS: DemoFormula[] = [
  {
    name: 'Formule Midi', nameEn: 'Lunch set menu', priceCents: 1490,
    description: 'Une pizza ou des pâtes, un dessert et une boisson. Du mardi au vendredi midi.',
    weekdays: [2, 3, 4, 5], services: ['Déjeuner'],
    steps: [
      { name: 'Plat', nameEn: 'Main', minChoices: 1, maxChoices: 1, choices: [
        ['Margherita', 0], ['Regina', 0], ['Végétarienne', 0], ['Quatre fromages', 0], ['Parma', 200],
        ['Bolognaise', 0], ['Carbonara', 0], ['Lasagnes maison', 100],
      ] },
      { name: 'Dessert', nameEn: 'Dessert', minChoices: 1, maxChoices: 1, choices: [
        ['Tiramisu', 0], ['Panna cotta', 0], ['Fondant au chocolat', 100],
      ] },
      { name: 'Boisson', nameEn: 'Drink', minChoices: 1, maxChoices: 1, choices: [
        ['Café expresso', 0], ['Eau minérale 50 cl', 0], ['Coca-Cola 33 cl', 0], ['Bière Peroni 33 cl', 150],
      ] },
    ],
  },
  {
    name: 'Menu Enfant', nameEn: 'Kids menu', priceCents: 890,
    description: 'Jusqu’à 10 ans : une Margherita ou des pâtes bolognaise, un dessert et une boisson.',
    weekdays: [], services: [],
    steps: [
      { name: 'Plat', nameEn: 'Main', minChoices: 1, maxChoices: 1, choices: [['Margherita', 0], ['Bolognaise', 0]] },
      { name: 'Dessert', nameEn: 'Dessert', minChoices: 1, maxChoices: 1, choices: [['Panna cotta', 0], ['Pizza Nutella', 100]] },
      { name: 'Boisson', nameEn: 'Drink', minChoices: 1, maxChoices: 1, choices: [['Limonade artisanale 33 cl', 0], ['Eau minérale 50 cl', 0]] },
    ],
  },
];

/** Every item with its category, in menu order, for lookups by name. */
export const DEMO_ITEMS: (DemoItem & { category: string; groupNames: string[] })[] = DEMO_CATEGORIES.flatMap((c) =>
  c.items.map((i) => ({ ...i, category: c.name, groupNames: i.groups ?? c.groups })),
);

export function demoItem(name: string): DemoItem {
  const found = DEMO_ITEMS.find((i) => i.name === name);
  if (!found) throw new Error(`Unknown demo menu item "${name}"`);
  return found;
}
