import type { CandidateInput, Education, Position } from './candidate.ts';
import { countryCodeFromName, countryNameFromCode } from './country-names.ts';
import { SeededRandom } from '../core/seeded-random.ts';

/**
 * Deterministic synthetic candidate profiles for demos, tests and
 * benchmarks: the same (count, seed, asOf) always gives the same profiles.
 * Tech roles at every seniority, fictional companies, real cities across
 * time zones, career histories with dates, 5-15% Open Profile (about 10%).
 * Every profile is already normalised (as `normaliseCandidateInput` would
 * leave it), so benchmarks can feed them straight to the store.
 */

/** The date demo careers and activity are measured from, unless told otherwise (keeps output reproducible). */
export const demoReferenceDate = '2026-11-01';

export interface DemoOptions {
  /** 'YYYY-MM-DD': "today" for the generated careers and last-active dates */
  asOf?: string;
}

const firstNames = [
  'Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Guido', 'Anders', 'Bjarne', 'Radia', 'Tim',
  'Sophie', 'Liam', 'Olivia', 'Noah', 'Emma', 'Lucas', 'Mia', 'Elias', 'Hannah', 'Jonas', 'Lena', 'Felix', 'Clara', 'Mateo',
  'Sofia', 'Diego', 'Valentina', 'Camila', 'Santiago', 'Priya', 'Arjun', 'Ananya', 'Rahul', 'Kavya', 'Vikram', 'Aisha', 'Omar',
  'Fatima', 'Yusuf', 'Leila', 'Wei', 'Jing', 'Hiroshi', 'Yuki', 'Min-jun', 'Seo-yeon', 'Chloe', 'Ethan', 'Amelia', 'Oliver',
  'Isla', 'Jack', 'Freya', 'Ravi', 'Nikhil', 'Zoe', 'Sven', 'Ingrid', 'Lars', 'Astrid', 'Pierre', 'Amelie', 'Luca', 'Giulia',
  'Marta', 'Pawel', 'Katarzyna', 'Ivan', 'Olga', 'Chidi', 'Amara', 'Kwame', 'Thandiwe', 'Tariq', 'Noa', 'Daniel', 'Sarah',
  'Michael', 'Jessica', 'David', 'Laura', 'James', 'Emily', 'Carlos', 'Lucia', 'Andrei', 'Elena', 'Mohammed', 'Nadia',
];

const lastNames = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Garcia', 'Martinez', 'Lopez', 'Gonzalez', 'Muller', 'Schmidt', 'Schneider', 'Fischer',
  'Weber', 'Meyer', 'Wagner', 'Becker', 'Dubois', 'Martin', 'Bernard', 'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Novak',
  'Kowalski', 'Nowak', 'Wisniewski', 'Ivanova', 'Petrov', 'Jansen', 'de Vries', 'van Dijk', 'Bakker', 'Andersson', 'Johansson',
  'Nielsen', 'Hansen', 'Larsen', 'Murphy', 'Kelly', "O'Brien", 'Walsh', 'Patel', 'Sharma', 'Singh', 'Kumar', 'Gupta', 'Reddy',
  'Iyer', 'Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Tanaka', 'Suzuki', 'Sato', 'Kim', 'Park', 'Lee', 'Nguyen', 'Tran', 'Khan',
  'Ahmed', 'Hassan', 'Ali', 'Okafor', 'Adeyemi', 'Mensah', 'Dlamini', 'Cohen', 'Levi', 'Silva', 'Santos', 'Oliveira', 'Costa',
  'Fernandez', 'Rodriguez', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Campbell', 'Stewart', 'Anderson',
];

interface City {
  city: string;
  region: string;
  countryCode: string;
  timeZone: string;
}

const cities: readonly City[] = [
  { city: 'London', region: 'England', countryCode: 'GB', timeZone: 'Europe/London' },
  { city: 'Manchester', region: 'England', countryCode: 'GB', timeZone: 'Europe/London' },
  { city: 'Edinburgh', region: 'Scotland', countryCode: 'GB', timeZone: 'Europe/London' },
  { city: 'Dublin', region: 'Leinster', countryCode: 'IE', timeZone: 'Europe/Dublin' },
  { city: 'Berlin', region: 'Berlin', countryCode: 'DE', timeZone: 'Europe/Berlin' },
  { city: 'Munich', region: 'Bavaria', countryCode: 'DE', timeZone: 'Europe/Berlin' },
  { city: 'Hamburg', region: 'Hamburg', countryCode: 'DE', timeZone: 'Europe/Berlin' },
  { city: 'Amsterdam', region: 'North Holland', countryCode: 'NL', timeZone: 'Europe/Amsterdam' },
  { city: 'Paris', region: 'Ile-de-France', countryCode: 'FR', timeZone: 'Europe/Paris' },
  { city: 'Madrid', region: 'Community of Madrid', countryCode: 'ES', timeZone: 'Europe/Madrid' },
  { city: 'Barcelona', region: 'Catalonia', countryCode: 'ES', timeZone: 'Europe/Madrid' },
  { city: 'Lisbon', region: 'Lisbon', countryCode: 'PT', timeZone: 'Europe/Lisbon' },
  { city: 'Milan', region: 'Lombardy', countryCode: 'IT', timeZone: 'Europe/Rome' },
  { city: 'Zurich', region: 'Zurich', countryCode: 'CH', timeZone: 'Europe/Zurich' },
  { city: 'Vienna', region: 'Vienna', countryCode: 'AT', timeZone: 'Europe/Vienna' },
  { city: 'Stockholm', region: 'Stockholm County', countryCode: 'SE', timeZone: 'Europe/Stockholm' },
  { city: 'Copenhagen', region: 'Capital Region', countryCode: 'DK', timeZone: 'Europe/Copenhagen' },
  { city: 'Warsaw', region: 'Masovia', countryCode: 'PL', timeZone: 'Europe/Warsaw' },
  { city: 'Krakow', region: 'Lesser Poland', countryCode: 'PL', timeZone: 'Europe/Warsaw' },
  { city: 'Prague', region: 'Prague', countryCode: 'CZ', timeZone: 'Europe/Prague' },
  { city: 'Bucharest', region: 'Bucharest', countryCode: 'RO', timeZone: 'Europe/Bucharest' },
  { city: 'Tel Aviv', region: 'Tel Aviv District', countryCode: 'IL', timeZone: 'Asia/Jerusalem' },
  { city: 'Dubai', region: 'Dubai', countryCode: 'AE', timeZone: 'Asia/Dubai' },
  { city: 'Bengaluru', region: 'Karnataka', countryCode: 'IN', timeZone: 'Asia/Kolkata' },
  { city: 'Hyderabad', region: 'Telangana', countryCode: 'IN', timeZone: 'Asia/Kolkata' },
  { city: 'Pune', region: 'Maharashtra', countryCode: 'IN', timeZone: 'Asia/Kolkata' },
  { city: 'Singapore', region: 'Singapore', countryCode: 'SG', timeZone: 'Asia/Singapore' },
  { city: 'Tokyo', region: 'Tokyo', countryCode: 'JP', timeZone: 'Asia/Tokyo' },
  { city: 'Seoul', region: 'Seoul', countryCode: 'KR', timeZone: 'Asia/Seoul' },
  { city: 'Sydney', region: 'New South Wales', countryCode: 'AU', timeZone: 'Australia/Sydney' },
  { city: 'Melbourne', region: 'Victoria', countryCode: 'AU', timeZone: 'Australia/Melbourne' },
  { city: 'Auckland', region: 'Auckland', countryCode: 'NZ', timeZone: 'Pacific/Auckland' },
  { city: 'New York', region: 'New York', countryCode: 'US', timeZone: 'America/New_York' },
  { city: 'Boston', region: 'Massachusetts', countryCode: 'US', timeZone: 'America/New_York' },
  { city: 'Atlanta', region: 'Georgia', countryCode: 'US', timeZone: 'America/New_York' },
  { city: 'Chicago', region: 'Illinois', countryCode: 'US', timeZone: 'America/Chicago' },
  { city: 'Austin', region: 'Texas', countryCode: 'US', timeZone: 'America/Chicago' },
  { city: 'Denver', region: 'Colorado', countryCode: 'US', timeZone: 'America/Denver' },
  { city: 'San Francisco', region: 'California', countryCode: 'US', timeZone: 'America/Los_Angeles' },
  { city: 'Seattle', region: 'Washington', countryCode: 'US', timeZone: 'America/Los_Angeles' },
  { city: 'Toronto', region: 'Ontario', countryCode: 'CA', timeZone: 'America/Toronto' },
  { city: 'Vancouver', region: 'British Columbia', countryCode: 'CA', timeZone: 'America/Vancouver' },
  { city: 'Mexico City', region: 'CDMX', countryCode: 'MX', timeZone: 'America/Mexico_City' },
  { city: 'Sao Paulo', region: 'Sao Paulo', countryCode: 'BR', timeZone: 'America/Sao_Paulo' },
  { city: 'Buenos Aires', region: 'Buenos Aires', countryCode: 'AR', timeZone: 'America/Argentina/Buenos_Aires' },
  { city: 'Lagos', region: 'Lagos', countryCode: 'NG', timeZone: 'Africa/Lagos' },
  { city: 'Nairobi', region: 'Nairobi', countryCode: 'KE', timeZone: 'Africa/Nairobi' },
  { city: 'Cape Town', region: 'Western Cape', countryCode: 'ZA', timeZone: 'Africa/Johannesburg' },
];

/** The cities with their English country names, resolved once. */
let placesCache: ReadonlyArray<City & { country: string; label: string }> | undefined;
function places(): ReadonlyArray<City & { country: string; label: string }> {
  placesCache ??= cities.map((c) => {
    const country = countryNameFromCode(c.countryCode);
    return { ...c, country, label: `${c.city}, ${country}` };
  });
  return placesCache;
}

/** Fictional employers (any likeness to real companies is the usual placeholder names). */
const companies = [
  'Contoso', 'Fabrikam', 'Northwind Traders', 'Adventure Works', 'Tailspin Toys', 'Wide World Importers', 'Litware', 'Proseware',
  'Woodgrove Bank', 'Fourth Coffee', 'Alpine Ski House', 'Blue Yonder Airlines', 'Coho Winery', 'Lucerne Publishing', 'Margie Travel',
  'Trey Research', 'VanArsdel', 'Wingtip Toys', 'Initech', 'Globex', 'Hooli', 'Acme Cloud', 'Umbrella Analytics', 'Stark Robotics',
  'Wayne Fintech', 'Cyberdyne Systems', 'Soylent Health', 'Tyrell Biotech', 'Massive Dynamic', 'Vandelay Logistics', 'Pied Piper',
  'Aperture Labs', 'Black Mesa Energy', 'Gringotts Payments', 'Oceanic Mobility', 'Dunder Paper Cloud', 'Monarch Data', 'Nimbus AI',
  'Quantum Ledger', 'Bluebird Games', 'Helios Energy', 'Kestrel Security', 'Lumen Retail', 'Orbit Telecom', 'Polaris Health',
  'Riverbank Insurance', 'Sable Commerce', 'Tundra Devices', 'Verdant Foods', 'Zephyr Travel',
];

const schools = [
  'University of Cambridge', 'University of Oxford', 'Imperial College London', 'University College London', 'ETH Zurich',
  'Technical University of Munich', 'KTH Royal Institute of Technology', 'Delft University of Technology', 'Politecnico di Milano',
  'Universidad Politecnica de Madrid', 'University of Warsaw', 'Trinity College Dublin', 'Indian Institute of Technology Bombay',
  'Indian Institute of Technology Delhi', 'National University of Singapore', 'University of Tokyo', 'Seoul National University',
  'University of Melbourne', 'University of Toronto', 'University of Waterloo', 'Massachusetts Institute of Technology',
  'Stanford University', 'Carnegie Mellon University', 'University of Texas at Austin', 'Georgia Institute of Technology',
  'University of Sao Paulo', 'University of Lagos', 'University of Cape Town', 'Technion', 'Open University',
];

interface Family {
  /** base titles; a seniority word is put in front */
  titles: readonly string[];
  /** skill pools; one is picked as the person's main stack */
  stacks: ReadonlyArray<readonly string[]>;
  common: readonly string[];
  fields: readonly string[];
  weight: number;
  /** managers and recruiters use their own ladders */
  ladder: 'ic' | 'manager' | 'product' | 'recruiter';
  domain: string;
}

const dotnet = ['C#', '.NET', 'ASP.NET', 'Entity Framework', 'SQL Server', 'Azure'];
const node = ['Node.js', 'TypeScript', 'JavaScript', 'Express', 'PostgreSQL', 'AWS'];
const java = ['Java', 'Spring Boot', 'Kotlin', 'Kafka', 'PostgreSQL', 'AWS'];
const go = ['Go', 'gRPC', 'Kubernetes', 'PostgreSQL', 'Docker', 'GCP'];
const python = ['Python', 'Django', 'FastAPI', 'PostgreSQL', 'Celery', 'AWS'];
const cpp = ['C++', 'Linux', 'CMake', 'Multithreading', 'Rust', 'Embedded Systems'];
const ruby = ['Ruby', 'Ruby on Rails', 'PostgreSQL', 'Redis', 'Sidekiq', 'Heroku'];

const families: readonly Family[] = [
  { titles: ['Software Engineer', 'Backend Engineer', 'Software Developer'], stacks: [dotnet, node, java, go, python, cpp, ruby], common: ['Git', 'REST APIs', 'Microservices', 'SQL', 'Docker'], fields: ['Computer Science', 'Software Engineering', 'Mathematics'], weight: 30, ladder: 'ic', domain: 'backend services' },
  { titles: ['Frontend Engineer', 'Frontend Developer', 'UI Engineer'], stacks: [['React', 'TypeScript', 'Next.js', 'Redux'], ['Angular', 'TypeScript', 'RxJS'], ['Vue.js', 'JavaScript', 'Nuxt']], common: ['HTML', 'CSS', 'JavaScript', 'Accessibility', 'Jest'], fields: ['Computer Science', 'Interaction Design'], weight: 12, ladder: 'ic', domain: 'web applications' },
  { titles: ['Full Stack Engineer', 'Full Stack Developer'], stacks: [[...node, 'React'], [...dotnet, 'Angular'], [...python, 'React'], [...ruby, 'React']], common: ['Git', 'REST APIs', 'HTML', 'CSS'], fields: ['Computer Science', 'Software Engineering'], weight: 10, ladder: 'ic', domain: 'products end to end' },
  { titles: ['Mobile Engineer', 'iOS Engineer', 'Android Engineer'], stacks: [['Swift', 'iOS', 'SwiftUI', 'Objective-C'], ['Kotlin', 'Android', 'Jetpack Compose', 'Java'], ['React Native', 'TypeScript'], ['Flutter', 'Dart']], common: ['Mobile Development', 'REST APIs', 'Git'], fields: ['Computer Science'], weight: 6, ladder: 'ic', domain: 'mobile apps' },
  { titles: ['Data Engineer', 'Data Scientist', 'Machine Learning Engineer', 'Analytics Engineer'], stacks: [['Python', 'Spark', 'Airflow', 'Kafka'], ['Python', 'PyTorch', 'TensorFlow', 'Machine Learning'], ['SQL', 'dbt', 'Snowflake', 'Looker'], ['Scala', 'Spark', 'Hadoop']], common: ['SQL', 'Python', 'Statistics', 'Data Modeling'], fields: ['Computer Science', 'Statistics', 'Physics', 'Mathematics'], weight: 10, ladder: 'ic', domain: 'data platforms' },
  { titles: ['DevOps Engineer', 'Site Reliability Engineer', 'Platform Engineer', 'Cloud Engineer'], stacks: [['Kubernetes', 'Terraform', 'AWS', 'Go'], ['Kubernetes', 'Helm', 'GCP', 'Prometheus'], ['Azure', 'Terraform', 'PowerShell', '.NET'], ['Ansible', 'Linux', 'Bash', 'Jenkins']], common: ['Docker', 'CI/CD', 'Linux', 'Observability'], fields: ['Computer Science', 'Electrical Engineering'], weight: 9, ladder: 'ic', domain: 'infrastructure' },
  { titles: ['Security Engineer', 'Application Security Engineer'], stacks: [['Penetration Testing', 'OWASP', 'Burp Suite'], ['Cloud Security', 'AWS', 'IAM'], ['C++', 'Reverse Engineering', 'Malware Analysis']], common: ['Threat Modeling', 'Python', 'Linux'], fields: ['Computer Science', 'Cybersecurity'], weight: 3, ladder: 'ic', domain: 'security' },
  { titles: ['QA Engineer', 'Test Automation Engineer', 'Software Engineer in Test'], stacks: [['Selenium', 'Java', 'TestNG'], ['Playwright', 'TypeScript', 'Cypress'], ['C#', 'SpecFlow', '.NET']], common: ['Test Automation', 'CI/CD', 'Agile'], fields: ['Computer Science'], weight: 4, ladder: 'ic', domain: 'quality' },
  { titles: ['Engineering Manager'], stacks: [dotnet, node, java, go, python], common: ['People Management', 'Hiring', 'Agile', 'Technical Leadership', 'Mentoring'], fields: ['Computer Science', 'Software Engineering'], weight: 7, ladder: 'manager', domain: 'engineering teams' },
  { titles: ['Product Manager', 'Product Owner', 'Technical Product Manager'], stacks: [['Product Strategy', 'Roadmapping', 'User Research'], ['SQL', 'A/B Testing', 'Analytics'], ['B2B SaaS', 'Pricing', 'Go-to-Market']], common: ['Product Management', 'Agile', 'Scrum', 'Stakeholder Management'], fields: ['Business Administration', 'Economics', 'Computer Science'], weight: 5, ladder: 'product', domain: 'products' },
  { titles: ['Product Designer', 'UX Designer'], stacks: [['Figma', 'Prototyping', 'Design Systems'], ['User Research', 'Usability Testing', 'Figma']], common: ['UX Design', 'UI Design', 'Interaction Design'], fields: ['Interaction Design', 'Graphic Design', 'Psychology'], weight: 2, ladder: 'ic', domain: 'product design' },
  { titles: ['Technical Recruiter', 'Talent Acquisition Partner', 'Sourcer'], stacks: [['Sourcing', 'Boolean Search', 'LinkedIn Recruiter'], ['Employer Branding', 'Candidate Experience', 'Greenhouse']], common: ['Technical Recruiting', 'Interviewing', 'Talent Acquisition'], fields: ['Psychology', 'Business Administration', 'Human Resources'], weight: 2, ladder: 'recruiter', domain: 'hiring tech talent' },
];

const familyWeightTotal = families.reduce((n, f) => n + f.weight, 0);

/** Levels in order: [title prefix or full title pattern, years of experience range]. */
const icLevels: ReadonlyArray<{ label: (base: string) => string; years: [number, number]; share: number }> = [
  { label: (b) => `Junior ${b}`, years: [0, 2], share: 12 },
  { label: (b) => b, years: [2, 6], share: 30 },
  { label: (b) => `Senior ${b}`, years: [5, 12], share: 32 },
  { label: (b) => `Lead ${b}`, years: [7, 15], share: 10 },
  { label: (b) => `Staff ${b}`, years: [9, 18], share: 10 },
  { label: (b) => `Principal ${b}`, years: [12, 25], share: 6 },
];
const managerLevels: ReadonlyArray<{ label: (base: string) => string; years: [number, number]; share: number }> = [
  { label: () => 'Engineering Manager', years: [7, 14], share: 45 },
  { label: () => 'Senior Engineering Manager', years: [10, 18], share: 20 },
  { label: () => 'Head of Engineering', years: [12, 22], share: 15 },
  { label: () => 'Director of Engineering', years: [14, 25], share: 12 },
  { label: () => 'VP Engineering', years: [16, 30], share: 8 },
];
const productLevels: ReadonlyArray<{ label: (base: string) => string; years: [number, number]; share: number }> = [
  { label: (b) => `Associate ${b}`, years: [0, 3], share: 15 },
  { label: (b) => b, years: [2, 7], share: 40 },
  { label: (b) => `Senior ${b}`, years: [5, 12], share: 28 },
  { label: () => 'Head of Product', years: [10, 20], share: 10 },
  { label: () => 'VP Product', years: [14, 28], share: 7 },
];
const recruiterLevels: ReadonlyArray<{ label: (base: string) => string; years: [number, number]; share: number }> = [
  { label: (b) => b, years: [1, 6], share: 55 },
  { label: (b) => `Senior ${b}`, years: [4, 12], share: 30 },
  { label: () => 'Head of Talent Acquisition', years: [10, 20], share: 15 },
];

const ladders = { ic: icLevels, manager: managerLevels, product: productLevels, recruiter: recruiterLevels } as const;

function weighted<T extends { share: number }>(rnd: SeededRandom, items: readonly T[]): number {
  const total = items.reduce((n, x) => n + x.share, 0);
  let r = rnd.next() * total;
  for (let i = 0; i < items.length; i++) {
    r -= items[i].share;
    if (r < 0) return i;
  }
  return items.length - 1;
}

function pickFamily(rnd: SeededRandom): Family {
  let r = rnd.next() * familyWeightTotal;
  for (const f of families) {
    r -= f.weight;
    if (r < 0) return f;
  }
  return families[0];
}

const asciiMap: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd' };

const slugCache = new Map<string, string>();

/** 'Min-jun O'Brien' -> 'min-jun-obrien'. */
export function nameSlug(name: string): string {
  let slug = slugCache.get(name);
  if (slug === undefined) {
    slug = computeSlug(name);
    if (slugCache.size < 10_000) slugCache.set(name, slug);
  }
  return slug;
}

function computeSlug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łøßæœđ]/g, (c) => asciiMap[c] ?? '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface Month {
  y: number;
  m: number;
}
const monthNumber = (d: Month) => d.y * 12 + (d.m - 1);
const fromIndex = (i: number): Month => ({ y: Math.floor(i / 12), m: (i % 12) + 1 });
const ym = (d: Month) => `${d.y}-${String(d.m).padStart(2, '0')}`;

/** isoDay minus 0..365 days, computed once per reference day. */
const daysBackCache = new Map<string, string[]>();
function daysBefore(isoDay: string, days: number): string {
  let table = daysBackCache.get(isoDay);
  if (!table) {
    const t0 = Date.parse(`${isoDay}T00:00:00Z`);
    table = Array.from({ length: 366 }, (_, d) => new Date(t0 - d * 86_400_000).toISOString().slice(0, 10));
    daysBackCache.set(isoDay, table);
  }
  return table[days];
}

function distinctPush(out: string[], seen: Set<string>, items: readonly string[], rnd: SeededRandom, max: number): void {
  // take a random subset in a random rotation, skipping case-folded duplicates
  const start = rnd.int(0, items.length - 1);
  for (let k = 0; k < items.length && out.length < max; k++) {
    const s = items[(start + k) % items.length];
    const key = s.toLowerCase();
    if (seen.has(key) || rnd.chance(0.25)) continue;
    seen.add(key);
    out.push(s);
  }
}

/** One demo profile for index n (0-based) from its own random stream. */
function demoCandidate(rnd: SeededRandom, n: number, asOf: Month, asOfDay: string): CandidateInput {
  const firstName = rnd.pick(firstNames);
  const lastName = rnd.pick(lastNames);
  const name = `${firstName} ${lastName}`;
  const place = rnd.pick(places());
  const family = pickFamily(rnd);
  const ladder = ladders[family.ladder];
  const level = weighted(rnd, ladder);
  const base = rnd.pick(family.titles);
  const title = ladder[level].label(base);
  const [minY, maxY] = ladder[level].years;
  const years = rnd.int(minY, maxY);
  const stack = rnd.pick(family.stacks);

  // Career: 1-5 positions from (asOf - years) to now; the latest is current for ~90%.
  const positionsCount = Math.max(1, Math.min(5, 1 + Math.floor(years / rnd.int(3, 5)) + (rnd.chance(0.2) ? -1 : 0)));
  const careerStart = monthNumber(asOf) - years * 12 - rnd.int(0, 11);
  const betweenJobs = rnd.chance(0.1);
  const careerEnd = betweenJobs ? monthNumber(asOf) - rnd.int(1, 8) : monthNumber(asOf);
  const span = Math.max(positionsCount, careerEnd - careerStart);
  const cuts: number[] = [];
  for (let i = 1; i < positionsCount; i++) cuts.push(careerStart + Math.floor((span * i) / positionsCount) + rnd.int(-2, 2));
  cuts.sort((a, b) => a - b);
  const bounds = [careerStart, ...cuts, careerEnd];
  const positions: Position[] = [];
  const usedCompanies = new Set<string>();
  for (let i = positionsCount - 1; i >= 0; i--) {
    let company = rnd.pick(companies);
    for (let tries = 0; usedCompanies.has(company) && tries < 5; tries++) company = rnd.pick(companies);
    usedCompanies.add(company);
    const current = i === positionsCount - 1 && !betweenJobs;
    // earlier positions sit lower on the same ladder; managers were engineers before
    const stepDown = positionsCount - 1 - i;
    const lvl = Math.max(0, level - Math.ceil(stepDown / 2));
    const posTitle =
      stepDown === 0 ? title : family.ladder === 'manager' && stepDown >= 2 ? `Senior ${families[0].titles[stepDown % 3]}` : ladder[lvl].label(base);
    const start = fromIndex(Math.min(bounds[i], bounds[i + 1] - 1));
    const end = fromIndex(bounds[i + 1]);
    positions.push({
      title: posTitle,
      company,
      start: ym(start),
      end: current ? null : ym(end),
      description: `Worked on ${family.domain} using ${stack.slice(0, 3).join(', ')}.`,
      location: place.label,
    });
  }

  const skillSeen = new Set<string>();
  const skills: string[] = [];
  distinctPush(skills, skillSeen, stack, rnd, 6);
  distinctPush(skills, skillSeen, family.common, rnd, 10);
  if (skills.length === 0) skills.push(stack[0]);

  const education: Education[] = [];
  if (rnd.chance(0.85)) {
    const gradYear = Math.floor(careerStart / 12) - (rnd.chance(0.3) ? rnd.int(0, 2) : 0);
    const master = rnd.chance(0.35);
    const field = rnd.pick(family.fields);
    education.push({ school: rnd.pick(schools), degree: rnd.pick(['BSc', 'BEng', 'BA']), field, start: String(gradYear - (master ? 5 : 3)), end: String(gradYear - (master ? 2 : 0)) });
    if (master) education.push({ school: rnd.pick(schools), degree: rnd.chance(0.1) ? 'PhD' : rnd.pick(['MSc', 'MEng', 'MBA']), field, start: String(gradYear - 1), end: String(gradYear) });
  }

  const openProfile = rnd.chance(0.1);
  const premium = openProfile || rnd.chance(0.18);
  const openToWork = betweenJobs ? rnd.chance(0.7) : rnd.chance(0.08);
  const degreeRoll = rnd.next();
  const degree = degreeRoll < 0.08 ? 1 : degreeRoll < 0.53 ? 2 : degreeRoll < 0.88 ? 3 : null;
  const mutualConnections = degree === 1 ? rnd.int(3, 150) : degree === 2 ? rnd.int(1, 60) : 0;
  // recent activity is more likely than old: square a uniform draw
  const daysAgo = Math.floor(rnd.next() ** 2 * 366);
  const lastActive = rnd.chance(0.95) ? daysBefore(asOfDay, daysAgo) : null;

  const slug = `${nameSlug(name)}-${n + 1}`;
  const emails = rnd.chance(0.35) ? [`${nameSlug(firstName).replace(/-/g, '')}.${nameSlug(lastName).replace(/-/g, '')}.${n + 1}@${rnd.pick(['example.com', 'example.org', 'example.net'])}`] : [];
  const phones = rnd.chance(0.15) ? [`+1 555 01${String(rnd.int(0, 99)).padStart(2, '0')} ${String(n % 10000).padStart(4, '0')}`] : [];
  const tags = rnd.chance(0.04) ? ['silver-medalist'] : rnd.chance(0.04) ? ['referral'] : [];
  const current = positions[positions.length - 1];
  const headline = betweenJobs
    ? `${title} | ${skills.slice(0, 3).join(' · ')} | Open to new opportunities`
    : rnd.chance(0.5)
      ? `${title} at ${current.company}`
      : `${title} | ${skills.slice(0, 3).join(' · ')}`;
  const summary = `${title} with ${years > 0 ? `${years}+ years` : 'a fresh start'} in ${family.domain}. Main stack: ${stack.slice(0, 4).join(', ')}. Based in ${place.city}.`;

  return {
    firstName,
    lastName,
    name,
    headline,
    summary,
    location: { city: place.city, region: place.region, country: place.country, timeZone: place.timeZone },
    // newest first, as profiles list them
    positions,
    education,
    skills,
    profileUrl: `https://www.linkedin.com/in/${slug}`,
    emails,
    phones,
    linkedin: { openProfile, openToWork, premium, degree, mutualConnections, lastActive },
    tags,
    source: 'demo',
  };
}

/**
 * `count` demo profiles for `seed`, lazily (constant memory for any count).
 * Profile n depends only on (seed, n, asOf), so a prefix of a larger run is
 * the smaller run.
 */
export function* generateDemoCandidates(count: number, seed = 1, options: DemoOptions = {}): Iterable<CandidateInput> {
  const asOfDay = options.asOf ?? demoReferenceDate;
  const [y, m] = asOfDay.split('-').map(Number);
  const asOf = { y, m };
  const rnd = new SeededRandom(0);
  for (let n = 0; n < count; n++) {
    // one independent stream per profile: mix seed and index into a 32-bit state
    rnd.reseed(Math.imul(seed, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b));
    yield demoCandidate(rnd, n, asOf, asOfDay);
  }
}

/** A demo profile as a JSON Resume document (for `demo-data --out`): importing it gives the profile back. */
export function demoCandidateToJsonResume(c: CandidateInput): Record<string, unknown> {
  const username = c.profileUrl?.startsWith('https://www.linkedin.com/in/') ? decodeURIComponent(c.profileUrl.slice('https://www.linkedin.com/in/'.length)) : undefined;
  return {
    basics: {
      name: c.name,
      label: c.headline,
      ...(c.emails[0] ? { email: c.emails[0] } : {}),
      ...(c.phones[0] ? { phone: c.phones[0] } : {}),
      summary: c.summary,
      location: {
        city: c.location.city,
        region: c.location.region,
        countryCode: countryCodeFromName(c.location.country) ?? c.location.country,
        timeZone: c.location.timeZone,
      },
      profiles: c.profileUrl ? [{ network: 'LinkedIn', ...(username ? { username } : {}), url: c.profileUrl }] : [],
    },
    work: c.positions.map((p) => ({
      name: p.company,
      position: p.title,
      location: p.location,
      startDate: p.start ?? undefined,
      ...(p.end ? { endDate: p.end } : {}),
      summary: p.description,
    })),
    education: c.education.map((e) => ({ institution: e.school, studyType: e.degree, area: e.field, startDate: e.start ?? undefined, endDate: e.end ?? undefined })),
    skills: c.skills.map((name) => ({ name })),
    meta: { linkedin: { ...c.linkedin }, ...(c.tags.length ? { tags: c.tags } : {}) },
  };
}
