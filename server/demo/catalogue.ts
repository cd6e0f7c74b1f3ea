/**
 * The demo's thirty clients: small French businesses and offices, each with a contract whose
 * modules differ (A always; G, H, I, K, L on some), UT bases from 16 to 40, some half-day
 * bases, two in Alsace-Moselle (regions 67 and 68, with their extra public holidays).
 */
export type DemoClientSpec = {
  name: string;
  street: string;
  postcode: string;
  city: string;
  /** Active forfait modules, e.g. 'AGHJ'. */
  modules: string;
  utBase: number;
  halfDayBase: number;
  /** date-holidays region for Alsace-Moselle. */
  region?: '67' | '68';
  /** How long ago the contract took effect, in months (a year or more: the demo year is covered). */
  monthsAgo: number;
  directDebit: boolean;
  /** Size of the office: PCs on site. */
  pcs: number;
  /** The rest of its current contract year's planned services is left for a lead to plan. */
  leftToPlan?: boolean;
};

const c = (
  name: string,
  street: string,
  postcode: string,
  city: string,
  modules: string,
  utBase: number,
  halfDayBase: number,
  monthsAgo: number,
  pcs: number,
  extra: Partial<DemoClientSpec> = {},
): DemoClientSpec => ({
  name,
  street,
  postcode,
  city,
  modules,
  utBase,
  halfDayBase,
  monthsAgo,
  pcs,
  directDebit: pcs % 2 === 0,
  ...extra,
});

export const DEMO_CLIENTS: readonly DemoClientSpec[] = [
  c('Boulangerie Artisanale Moreau', '12 rue de la République', '69002', 'Lyon', 'AJ', 16, 0, 14, 3),
  c('Cabinet Durand & Associés', '8 avenue Foch', '75116', 'Paris', 'AGHIJ', 32, 0, 26, 14),
  c('Pharmacie du Centre', '3 place du Marché', '44000', 'Nantes', 'AGJ', 16, 0, 13, 4),
  c('Garage Lemoine Automobiles', 'ZA des Portes, 21 rue Ampère', '37100', 'Tours', 'AGIJ', 24, 0, 30, 8),
  c('Étude Notariale Petit-Laurent', '5 boulevard Gambetta', '33000', 'Bordeaux', 'ACGHIJ', 32, 2, 18, 12),
  c('Clinique Vétérinaire des Vosges', '40 rue du Général de Gaulle', '67000', 'Strasbourg', 'AGHIJKL', 40, 4, 22, 10, {
    region: '67',
  }),
  c('Transports Keller', '17 route de Bâle', '68100', 'Mulhouse', 'AGHJKL', 24, 2, 16, 9, { region: '68' }),
  c('Agence Immobilière Côté Sud', '22 cours Mirabeau', '13100', 'Aix-en-Provence', 'AGJ', 16, 0, 12, 5),
  c('Menuiserie Fabre', '9 chemin des Artisans', '34070', 'Montpellier', 'AJ', 16, 2, 15, 3),
  c('Cabinet Dentaire Rousseau', '14 rue Nationale', '59000', 'Lille', 'AGIJ', 20, 0, 27, 6),
  c('Imprimerie Vincent', '31 rue de la Gare', '21000', 'Dijon', 'AGHJ', 24, 2, 19, 7),
  c('Hôtel Les Tilleuls', '2 promenade des Anglais', '06000', 'Nice', 'AGHIJKL', 40, 0, 34, 11),
  c('Expertise Comptable Mercier', '66 rue Sainte-Catherine', '33000', 'Bordeaux', 'ACDGHIJ', 36, 4, 24, 16),
  c('Laboratoire Biomed Ouest', '7 rue de la Technopole', '35000', 'Rennes', 'ABGHIJKL', 40, 4, 20, 18),
  c('Mairie de Saint-Aubin', '1 place de la Mairie', '14750', 'Saint-Aubin-sur-Mer', 'ACGIJ', 24, 2, 31, 9),
  c('Architectes Blanc Atelier', '18 quai des Chartrons', '33300', 'Bordeaux', 'AGHJ', 20, 0, 13, 6),
  c('Fromagerie Girard', '4 rue des Halles', '74000', 'Annecy', 'AJ', 16, 0, 17, 2),
  c('Cabinet Kinésithérapie Bonnet', '25 avenue Jean Jaurès', '31000', 'Toulouse', 'AGJ', 16, 0, 14, 4),
  c('Auto-École Lambert', '11 rue Victor Hugo', '51100', 'Reims', 'AGIJ', 20, 0, 25, 5),
  c('Société Fontaine Bâtiment', '80 route de Paris', '45000', 'Orléans', 'AGHIJ', 32, 2, 28, 13),
  c('Crèche Les Petits Loups', '6 allée des Tilleuls', '49000', 'Angers', 'AJ', 16, 0, 12, 3),
  c('Librairie Chevalier', '19 rue de la Monnaie', '37000', 'Tours', 'AGJ', 16, 0, 21, 3),
  c('Groupe Médical Robin', '2 rue Pasteur', '38000', 'Grenoble', 'ACDGHIJKL', 40, 4, 33, 20, { leftToPlan: true }),
  c('Caves Gauthier', '15 rue du Vieux Port', '17000', 'La Rochelle', 'AGJ', 16, 2, 16, 4),
  c('Ostéopathes Perrin', '27 boulevard Carnot', '87000', 'Limoges', 'AJ', 16, 0, 13, 2),
  c('Association Sportive Morel', '3 avenue des Sports', '57000', 'Metz', 'AGIJ', 20, 0, 23, 6),
  c('Distribution Henry Frères', 'ZI Nord, 12 rue Lavoisier', '76000', 'Rouen', 'AGHIJKL', 36, 4, 29, 15),
  c('Bureau d’Études Garnier', '44 rue de Strasbourg', '54000', 'Nancy', 'AEFGHIJ', 28, 2, 19, 10),
  c('Opticien Faure Vision', '9 rue de Siam', '29200', 'Brest', 'AGJ', 16, 0, 15, 3),
  c('Restaurant Le Clos Roy', '5 place Saint-Louis', '84000', 'Avignon', 'AJ', 16, 0, 12, 2),
];
