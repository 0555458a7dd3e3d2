import type { CandidateInput, Position } from '../candidates/candidate.ts';
import { SeededRandom } from '../core/seeded-random.ts';
import { places, type Place } from './place-data.ts';
import { roleProfileSchema, type RoleProfile, type RoleProfileInput } from './role-profile.ts';

/**
 * The labelled evaluation set behind `scoutline bench rank`: for each of five
 * roles, profiles that ALL match the role's Boolean query (so BM25 and the
 * ranker order the same pool) with a graded relevance label 0..3.
 *
 * The grade is fixed by how a profile is built, from a rubric written as a
 * hiring manager would judge a CV, before and independently of the scoring
 * formula (docs/ranking.md, "The labelled set"):
 *   3 ideal    - does this job now: wanted title (any synonym), seniority in
 *                range, all must-have skills, in the location or time zone
 *   2 good     - one clear gap: adjacent title, one must-have missing, one
 *                seniority level off, or outside the location but workable
 *   1 weak     - the keywords without the job: a junior or student, someone
 *                who did the work long ago and moved on, a far-away profile
 *                for an on-site role, or a neighbouring function (recruiter,
 *                PM, support) who works with the technology
 *   0 off      - only the words: a salesperson, writer or trainer who sells or
 *                talks about the technology, often with keyword-stuffed summaries
 * Reply signals (Open Profile, activity, degree...) are drawn at random and
 * independently of the grade: the grade is about fit only.
 */
export interface LabelledRole {
  role: RoleProfile;
  profiles: Array<{ candidate: CandidateInput; grade: 0 | 1 | 2 | 3; archetype: string }>;
}

export const labelledSetReferenceDate = '2026-06-01';

interface RoleRecipe {
  role: RoleProfileInput;
  /** wanted title as people write it, synonyms included */
  titles: string[];
  /** same family, not the wanted title */
  adjacentTitles: string[];
  /** neighbouring functions that mention the technology */
  neighbourTitles: string[];
  /** people who sell or write about it */
  offTitles: string[];
  /** seniority words inside the range, one level off, far off */
  seniorIn: string[];
  seniorOff: string[];
  /** must-have skills, each with the spellings people use */
  musts: string[][];
  nice: string[][];
  /** other skills a practitioner lists */
  filler: string[];
  /** cities (known to place-data.ts, which gives country and time zone): in place, workable (near time zone), far */
  placesIn: string[];
  placesNear: string[];
  placesFar: string[];
  /** the query words every profile must carry to match the query */
  queryWords: string[][];
  companies: string[];
  domainPhrases: string[];
}

const recipes: RoleRecipe[] = [
  {
    role: {
      id: 'eval-backend-go',
      name: 'Senior Backend Engineer (Go)',
      query: '(golang OR go) AND (kubernetes OR k8s)',
      titles: ['Backend Engineer'],
      mustHaveSkills: ['Go', 'Kubernetes', 'PostgreSQL'],
      niceToHaveSkills: ['Kafka', 'gRPC'],
      seniority: { min: 'senior', max: 'staff' },
      yearsOfExperience: { min: 5 },
      locations: ['Berlin', 'Germany'],
      timeZones: ['Europe/Berlin'],
      remote: true,
    },
    titles: ['Backend Engineer', 'Backend Developer', 'Back-end Engineer', 'Go Developer', 'Golang Engineer', 'Server-side Engineer'],
    adjacentTitles: ['Software Engineer', 'Platform Engineer', 'Full Stack Engineer', 'Site Reliability Engineer'],
    neighbourTitles: ['Technical Recruiter', 'Product Manager', 'Engineering Manager', 'Technical Support Engineer'],
    offTitles: ['Account Executive', 'Technical Writer', 'Developer Advocate', 'Sales Development Representative'],
    seniorIn: ['Senior', 'Staff', 'Lead', 'Sr.'],
    seniorOff: ['', 'Principal'],
    musts: [['Go', 'Golang', 'golang'], ['Kubernetes', 'k8s', 'K8s'], ['PostgreSQL', 'Postgres', 'postgresql']],
    nice: [['Kafka', 'Apache Kafka'], ['gRPC', 'protobuf']],
    filler: ['Docker', 'Redis', 'Linux', 'Terraform', 'Prometheus', 'CI/CD', 'Microservices', 'AWS'],
    placesIn: ['Berlin', 'Munich', 'Hamburg'],
    placesNear: ['Amsterdam', 'Warsaw', 'Lisbon'],
    placesFar: ['San Francisco', 'Bangalore', 'Sydney'],
    queryWords: [['golang', 'Go'], ['Kubernetes', 'k8s']],
    companies: ['Zalando', 'N26', 'Delivery Hero', 'SoundCloud', 'Contentful', 'Trade Republic', 'HelloFresh', 'Personio'],
    domainPhrases: ['payments APIs', 'high-throughput event processing', 'internal developer platform', 'order management services'],
  },
  {
    role: {
      id: 'eval-frontend-react',
      name: 'Frontend Engineer (React)',
      query: 'react AND (typescript OR javascript)',
      titles: ['Frontend Engineer'],
      mustHaveSkills: ['React', 'TypeScript'],
      niceToHaveSkills: ['Next.js', 'GraphQL'],
      seniority: { min: 'mid', max: 'senior' },
      yearsOfExperience: { min: 3 },
      locations: ['London'],
      timeZones: ['Europe/London'],
      remote: false,
    },
    titles: ['Frontend Engineer', 'Front-end Developer', 'Frontend Developer', 'UI Engineer', 'React Developer'],
    adjacentTitles: ['Full Stack Engineer', 'Software Engineer', 'Web Developer', 'Mobile Engineer'],
    neighbourTitles: ['Product Designer', 'QA Engineer', 'Technical Recruiter', 'Product Manager'],
    offTitles: ['Account Executive', 'Content Marketer', 'Coding Bootcamp Instructor', 'Technical Writer'],
    seniorIn: ['', 'Senior', 'Mid-level'],
    seniorOff: ['Staff', 'Junior'],
    musts: [['React', 'React.js', 'ReactJS'], ['TypeScript', 'TS']],
    nice: [['Next.js', 'NextJS'], ['GraphQL']],
    filler: ['CSS', 'HTML', 'Jest', 'Redux', 'Webpack', 'Storybook', 'Figma', 'Cypress'],
    placesIn: ['London'],
    placesNear: ['Manchester', 'Dublin'],
    placesFar: ['Toronto', 'Singapore', 'Austin'],
    queryWords: [['React'], ['TypeScript', 'JavaScript']],
    companies: ['Monzo', 'Deliveroo', 'Wise', 'Revolut', 'Ocado', 'Skyscanner', 'Farfetch', 'BBC'],
    domainPhrases: ['design system components', 'checkout flows', 'accessible web apps', 'customer dashboards'],
  },
  {
    role: {
      id: 'eval-data-scientist',
      name: 'Senior Data Scientist',
      query: 'python AND ("machine learning" OR ml)',
      titles: ['Data Scientist'],
      mustHaveSkills: ['Python', 'Machine learning', 'SQL'],
      niceToHaveSkills: ['PyTorch', 'A/B testing'],
      seniority: { min: 'senior', max: 'principal' },
      yearsOfExperience: { min: 4 },
      locations: ['New York'],
      timeZones: ['America/New_York'],
      remote: true,
    },
    titles: ['Data Scientist', 'Applied Scientist', 'Decision Scientist', 'Research Data Scientist'],
    adjacentTitles: ['Machine Learning Engineer', 'Data Analyst', 'Research Scientist', 'Data Engineer'],
    neighbourTitles: ['Product Manager', 'Technical Recruiter', 'Business Analyst', 'Software Engineer'],
    offTitles: ['Account Executive', 'Marketing Manager', 'Technical Writer', 'Sales Engineer'],
    seniorIn: ['Senior', 'Lead', 'Staff', 'Principal'],
    seniorOff: ['', 'Director of'],
    musts: [['Python', 'python3'], ['Machine learning', 'ML'], ['SQL']],
    nice: [['PyTorch', 'Torch'], ['A/B testing', 'experimentation']],
    filler: ['Pandas', 'scikit-learn', 'Statistics', 'Spark', 'Tableau', 'NumPy', 'Jupyter', 'R'],
    placesIn: ['New York'],
    placesNear: ['Boston', 'Toronto', 'Chicago'],
    placesFar: ['Berlin', 'Tokyo', 'Bangalore'],
    queryWords: [['Python'], ['machine learning', 'ML']],
    companies: ['Spotify', 'Etsy', 'Squarespace', 'Peloton', 'Datadog', 'Two Sigma', 'Oscar Health', 'Betterment'],
    domainPhrases: ['churn models', 'recommendation ranking', 'pricing experiments', 'fraud detection'],
  },
  {
    role: {
      id: 'eval-devops',
      name: 'DevOps Engineer (from a job description)',
      query: 'terraform AND aws',
      jobDescription: [
        'Senior DevOps Engineer - Platform team',
        'We are looking for a Senior DevOps Engineer to run our cloud platform.',
        'Requirements:',
        '- 5+ years in infrastructure roles',
        '- Terraform and AWS in production',
        '- Kubernetes',
        'Nice to have:',
        '- Prometheus and Grafana',
        'Location: Remote, CET time zone (Amsterdam office).',
      ].join('\n'),
    },
    titles: ['DevOps Engineer', 'DevOps Specialist', 'Build and Release Engineer', 'Dev Ops Engineer'],
    adjacentTitles: ['Site Reliability Engineer', 'Platform Engineer', 'Cloud Engineer', 'Systems Administrator'],
    neighbourTitles: ['Backend Engineer', 'Technical Recruiter', 'Solutions Architect', 'IT Support Specialist'],
    offTitles: ['Account Executive', 'Cloud Sales Specialist', 'Technical Writer', 'Training Consultant'],
    seniorIn: ['Senior', 'Lead', 'Staff'],
    seniorOff: ['', 'Principal'],
    musts: [['Terraform'], ['AWS', 'Amazon Web Services'], ['Kubernetes', 'k8s']],
    nice: [['Prometheus'], ['Grafana']],
    filler: ['Docker', 'Linux', 'Ansible', 'Python', 'Bash', 'GitHub Actions', 'Helm', 'Jenkins'],
    placesIn: ['Amsterdam', 'Rotterdam', 'Berlin'],
    placesNear: ['London', 'Helsinki', 'Lisbon'],
    placesFar: ['Seattle', 'Sydney', 'Sao Paulo'],
    queryWords: [['Terraform'], ['AWS']],
    companies: ['Booking.com', 'Adyen', 'Mollie', 'Bunq', 'Picnic', 'Elastic', 'MessageBird', 'Catawiki'],
    domainPhrases: ['multi-account AWS landing zones', 'zero-downtime deploys', 'cost reduction of cloud spend', 'observability stack'],
  },
  {
    role: {
      id: 'eval-account-executive',
      name: 'Account Executive (B2B SaaS)',
      query: 'salesforce AND (saas OR b2b)',
      titles: ['Account Executive'],
      mustHaveSkills: ['SaaS sales', 'Salesforce', 'Negotiation'],
      niceToHaveSkills: ['HubSpot'],
      seniority: { min: 'mid', max: 'senior' },
      yearsOfExperience: { min: 3, max: 10 },
      locations: ['Amsterdam', 'Netherlands'],
      timeZones: ['Europe/Amsterdam'],
      remote: false,
    },
    titles: ['Account Executive', 'Enterprise Account Executive', 'Sales Executive', 'Closing Rep'],
    adjacentTitles: ['Account Manager', 'Business Development Manager', 'Sales Manager', 'Customer Success Manager'],
    neighbourTitles: ['Sales Development Representative', 'Marketing Manager', 'Salesforce Administrator', 'Recruiter'],
    offTitles: ['Salesforce Developer', 'Technical Writer', 'Software Engineer', 'Data Analyst'],
    seniorIn: ['', 'Senior'],
    seniorOff: ['Junior', 'Head of Sales,'],
    musts: [['SaaS sales', 'SaaS', 'software sales'], ['Salesforce', 'SFDC'], ['Negotiation', 'contract negotiation']],
    nice: [['HubSpot']],
    filler: ['Lead generation', 'Account management', 'Cold calling', 'B2B', 'Forecasting', 'CRM', 'Presentations', 'LinkedIn Sales Navigator'],
    placesIn: ['Amsterdam', 'Rotterdam'],
    placesNear: ['Brussels', 'Cologne'],
    placesFar: ['New York', 'Dubai', 'Singapore'],
    queryWords: [['Salesforce'], ['SaaS', 'B2B']],
    companies: ['Mews', 'Bynder', 'WeTransfer', 'Mollie', 'Miro', 'Framer', 'Mirakl', 'Personio'],
    domainPhrases: ['mid-market deals', 'new logo acquisition', 'enterprise expansion', 'full-cycle sales'],
  },
];

/** Per role: 30 ideal, 50 good, 60 weak, 60 off-target = 200 profiles. */
export const gradeMix: ReadonlyArray<[0 | 1 | 2 | 3, number]> = [
  [3, 30],
  [2, 50],
  [1, 60],
  [0, 60],
];

/** The whole set, deterministic for a seed. */
export function buildLabelledSet(seed = 7): LabelledRole[] {
  return recipes.map((recipe, r) => {
    const rnd = new SeededRandom(seed * 1000 + r);
    const role = roleProfileSchema.parse(recipe.role);
    const profiles: LabelledRole['profiles'] = [];
    let n = 0;
    for (const [grade, count] of gradeMix) {
      for (let i = 0; i < count; i++) profiles.push(buildProfile(recipe, grade, rnd, `${role.id}-${n++}`));
    }
    return { role, profiles };
  });
}

const firstNames = ['Ada', 'Alan', 'Grace', 'Linus', 'Mia', 'Jonas', 'Priya', 'Omar', 'Wei', 'Yuki', 'Chloe', 'Sven', 'Luca', 'Marta', 'Chidi', 'Noa', 'Sarah', 'Carlos', 'Elena', 'Kwame'];
const lastNames = ['Schmidt', 'Garcia', 'Patel', 'Chen', 'Kowalski', 'Jansen', 'Murphy', 'Rossi', 'Okafor', 'Silva', 'Kim', 'Novak', 'Hansen', 'Dubois', 'Cohen', 'Khan'];
const schools = ['TU Berlin', 'University of Amsterdam', 'Imperial College London', 'NYU', 'ETH Zurich', 'University of Warsaw', 'IIT Bombay', 'Open University'];

/** 'YYYY-MM' of a month number (year * 12 + month - 1, as in career-dates.ts). */
function ym(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

const placeByCity = new Map(places.map((p) => [p.city, p]));
function placeOf(city: string): Place {
  const place = placeByCity.get(city);
  if (!place) throw new Error(`labelled set: ${city} is not in place-data.ts`);
  return place;
}

/** What an archetype decides about a profile; positions, texts and LinkedIn flags follow from it in `buildProfile`. */
interface Draft {
  title: string;
  seniorWord: string;
  mustShown: string[];
  /** the spellings of the must-have the profile leaves out */
  dropped: string[];
  skills: string[];
  /** a city of the recipe */
  place: string;
  years: number;
  /** the current role is in this line of work */
  currentRelevant: boolean;
  /** did the job long ago, now in another line of work */
  pastOnly: boolean;
  /** a neighbouring function (recruiter, PM...) that works with the technology */
  neighbour: boolean;
  /** sells, writes or teaches about the technology */
  offTarget: boolean;
}

interface DraftContext {
  r: RoleRecipe;
  rnd: SeededRandom;
  mustAll: string[];
  niceSome: string[];
  filler: string[];
}

/** An archetype: its name and how it changes the default draft (an ideal profile's skills, seniority and place). */
type Archetype = readonly [name: string, shape: (d: Draft, c: DraftContext) => void];

// Weak profiles draw a wanted title first (the neighbour replaces it): the draws stay in the order the set was generated with.
const weak = (name: string, shape: (d: Draft, c: DraftContext) => void): Archetype => [
  `weak:${name}`,
  (d, c) => {
    d.title = c.rnd.pick(c.r.titles);
    shape(d, c);
  },
];

const offTarget: Archetype[1] = (d, { r, rnd, mustAll }) => {
  d.offTarget = true;
  d.title = rnd.pick(r.offTitles);
  d.seniorWord = rnd.pick(['', 'Senior']);
  d.skills = rnd.chance(0.5) ? ['Presentations', 'Communication'] : [...mustAll.slice(0, 1)];
  d.place = rnd.pick([...r.placesIn, ...r.placesNear, ...r.placesFar]);
};

/** The rubric (module comment) as data: each grade's archetypes, one drawn at random per profile. */
const archetypes: Record<0 | 1 | 2 | 3, readonly Archetype[]> = {
  3: [
    [
      'ideal',
      (d, { r, rnd }) => {
        d.title = rnd.pick(r.titles);
        if (rnd.chance(0.3)) d.place = rnd.pick(r.role.remote ? r.placesNear : r.placesIn);
      },
    ],
  ],
  2: [
    ['good:adjacent-title', (d, { r, rnd }) => void (d.title = rnd.pick(r.adjacentTitles))],
    [
      'good:missing-must',
      (d, { r, rnd, niceSome, filler }) => {
        d.title = rnd.pick(r.titles);
        // drop a must-have the query does not require (or that the query can match through another word)
        const droppable = r.musts.map((_, i) => i).filter((i) => !r.queryWords.some((ws) => ws.some((w) => r.musts[i].some((v) => sameWord(v, w))) && ws.every((w) => r.musts[i].some((v) => sameWord(v, w)))));
        const drop = rnd.pick(droppable);
        d.dropped = r.musts[drop];
        d.mustShown = d.mustShown.filter((_, i) => i !== drop);
        d.skills = [...d.mustShown, ...niceSome, ...filler];
      },
    ],
    [
      'good:seniority-off',
      (d, { r, rnd }) => {
        d.title = rnd.pick(r.titles);
        d.seniorWord = rnd.pick(r.seniorOff);
        d.years = d.seniorWord === '' || d.seniorWord === 'Junior' ? rnd.int(3, 4) : rnd.int(12, 16);
      },
    ],
    [
      'good:location-off',
      (d, { r, rnd }) => {
        d.title = rnd.pick(r.titles);
        d.place = rnd.pick(r.placesNear);
      },
    ],
  ],
  1: [
    weak('junior', (d, { rnd, mustAll, filler }) => {
      d.seniorWord = rnd.pick(['Junior', 'Intern', 'Graduate']);
      d.years = rnd.int(0, 1);
      d.skills = [...mustAll.slice(0, 2), ...filler.slice(0, 2)];
    }),
    weak('moved-on', (d, { rnd }) => {
      d.pastOnly = true;
      d.currentRelevant = false;
      d.years = rnd.int(10, 16);
    }),
    weak('far-away', (d, { r, rnd }) => {
      d.place = rnd.pick(r.placesFar);
      if (rnd.chance(0.5)) d.skills = d.skills.slice(1);
    }),
    weak('neighbour', (d, { r, rnd, mustAll, filler }) => {
      d.neighbour = true;
      d.title = rnd.pick(r.neighbourTitles);
      d.seniorWord = rnd.pick(['', 'Senior']);
      d.skills = [...mustAll.slice(0, 1), ...filler.slice(0, 3)];
    }),
  ],
  0: [
    ['off:seller', offTarget],
    ['off:writer', offTarget],
    ['off:other', offTarget],
  ],
};

/**
 * One profile of a given grade: an archetype of the grade drawn at random
 * (see `archetypes`); spellings, verbosity and keyword repetition are
 * random too, so text relevance varies inside every grade.
 */
function buildProfile(r: RoleRecipe, grade: 0 | 1 | 2 | 3, rnd: SeededRandom, slug: string): LabelledRole['profiles'][number] {
  const now = 2026 * 12 + 5; // June 2026
  const spell = (variants: string[]) => rnd.pick(variants);
  const mustAll = r.musts.map(spell);
  const niceSome = r.nice.filter(() => rnd.chance(0.5)).map(spell);
  const filler = r.filler.filter(() => rnd.chance(0.4));
  const draft: Draft = {
    title: '',
    seniorWord: rnd.pick(r.seniorIn),
    mustShown: [...mustAll],
    dropped: [],
    skills: [...mustAll, ...niceSome, ...filler],
    place: rnd.pick(r.placesIn),
    years: rnd.int(6, 11),
    currentRelevant: true,
    pastOnly: false,
    neighbour: false,
    offTarget: false,
  };
  const options = archetypes[grade];
  const [archetype, shape] = options.length === 1 ? options[0] : rnd.pick(options);
  shape(draft, { r, rnd, mustAll, niceSome, filler });
  const { title, seniorWord, mustShown, dropped, years, currentRelevant, pastOnly, neighbour, offTarget } = draft;
  let { skills } = draft;
  const place = placeOf(draft.place);
  // every profile must match the query: make sure one spelling of each required word group appears in the text
  const queryMentions = r.queryWords.map((ws) => {
    const allowed = ws.filter((w) => !dropped.some((d) => sameWord(d, w)));
    return rnd.pick(allowed.length ? allowed : ws);
  });
  const currentTitle = `${seniorWord} ${title}`.trim();
  const company = rnd.pick(r.companies);
  const startYears = Math.max(1, years);
  const positions: Position[] = [];
  const domain = rnd.pick(r.domainPhrases);
  const verbose = rnd.chance(0.5);
  // only sellers stuff keywords; practitioners with long profiles repeat them too
  const repeat = archetype === 'off:seller' ? rnd.int(2, 3) : verbose ? rnd.int(1, 3) : 1;
  const mention = queryMentions.join(' and ');
  let currentDescription: string;
  if (offTarget) {
    currentDescription = archetype === 'off:seller' ? Array.from({ length: repeat }, () => `Selling ${mention} solutions; ${mention} workshops and ${mention} webinars for customers.`).join(' ') : `Writing and teaching about ${mention} for customers.`;
  } else if (neighbour) {
    currentDescription = `Work closely with teams using ${mention}. ${verbose ? `Hiring and supporting engineers who build ${domain} with ${mention}.` : ''}`.trim();
  } else if (currentRelevant) {
    currentDescription = `Build ${domain} with ${mustShown.join(', ')}${niceSome.length ? ` and ${niceSome.join(', ')}` : ''}.${verbose ? ' Own design, reviews and operations;' : ''} ${Array.from({ length: repeat }, () => mention).join(', ')} day to day.`;
  } else {
    currentDescription = 'Lead a retail store team; staffing, budgets and customer experience.';
  }
  const tenureMonths = rnd.int(8, 48);
  const currentStart = now - tenureMonths;
  if (pastOnly) {
    // did the job long ago, now in another line of work
    positions.push({ title: 'Store Manager', company: 'Albert Heijn', start: ym(currentStart), end: null, description: currentDescription, location: place.city });
    const pastEnd = now - rnd.int(72, 110);
    const pastStart = pastEnd - 48;
    positions.push({ title: `${rnd.pick(r.seniorIn)} ${title}`.trim(), company, start: ym(pastStart), end: ym(pastEnd), description: `Built ${domain} with ${mustAll.join(', ')}; ${mention}.`, location: '' });
  } else {
    positions.push({ title: currentTitle, company, start: ym(currentStart), end: null, description: currentDescription, location: place.city });
    const earlier = Math.max(0, startYears * 12 - tenureMonths);
    if (earlier > 0) {
      const s = currentStart - earlier;
      const prevTitle = grade >= 2 ? rnd.pick([...r.titles, ...r.adjacentTitles]) : offTarget ? rnd.pick(r.offTitles) : rnd.pick([...r.adjacentTitles, ...r.neighbourTitles]);
      positions.push({ title: prevTitle, company: rnd.pick(r.companies), start: ym(s), end: ym(currentStart - 1), description: grade >= 2 ? `Worked on ${rnd.pick(r.domainPhrases)}.` : 'Various projects.', location: '' });
    }
  }
  const summary = offTarget
    ? archetype === 'off:seller' ? `${mention} evangelist: helping companies adopt ${mention} and ${mustAll[0]}.` : `Helping teams adopt ${mention}.`
    : verbose
      ? `${currentTitle} with ${years} years of experience. ${grade >= 2 ? `I build ${domain}.` : ''} Interested in ${mention}.`
      : '';
  const first = rnd.pick(firstNames);
  const last = rnd.pick(lastNames);
  const days = rnd.pick([2, 10, 25, 60, 120, 200, 400, 700]);
  const lastActive = new Date(Date.UTC(2026, 5, 1) - days * 86_400_000).toISOString().slice(0, 10);
  // some strong profiles list no skills at all: the evidence is in the positions only
  if (grade >= 2 && rnd.chance(0.25)) skills = [];
  const skillsWithQuery = [...new Set([...skills, ...(offTarget || neighbour || (grade >= 2 && skills.length === 0) ? [] : queryMentions)])];
  const candidate: CandidateInput = {
    firstName: first,
    lastName: last,
    name: `${first} ${last}`,
    headline: `${currentTitle}${rnd.chance(0.5) ? ` at ${company}` : ''}`,
    summary,
    location: { city: place.city, region: '', country: place.country, timeZone: rnd.chance(0.8) ? place.timeZone : '' },
    positions,
    education: [{ school: rnd.pick(schools), degree: rnd.pick(['BSc', 'MSc', 'BA', '']), field: '', start: null, end: null }],
    skills: skillsWithQuery,
    profileUrl: `https://www.linkedin.com/in/${slug}`,
    emails: [],
    phones: [],
    linkedin: {
      openProfile: rnd.chance(0.15),
      openToWork: rnd.chance(0.12),
      premium: rnd.chance(0.2),
      degree: rnd.pick([1, 2, 2, 3, 3, 3, null]),
      mutualConnections: rnd.pick([0, 0, 1, 3, 8, 20, 60]),
      lastActive,
    },
    tags: [],
    source: 'labelled-set',
  };
  return { candidate, grade, archetype };
}

function sameWord(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
