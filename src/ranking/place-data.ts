/**
 * Places the ranking knows without a geocoder: major cities of the markets
 * Scoutline's users recruit in, with their country and IANA time zone, and
 * the time-zone names people write in job descriptions. Data: extend freely.
 * `City|Country|Time/Zone`.
 */
export const cityData: readonly string[] = [
  'London|United Kingdom|Europe/London', 'Manchester|United Kingdom|Europe/London', 'Edinburgh|United Kingdom|Europe/London',
  'Dublin|Ireland|Europe/Dublin', 'Lisbon|Portugal|Europe/Lisbon', 'Porto|Portugal|Europe/Lisbon',
  'Berlin|Germany|Europe/Berlin', 'Munich|Germany|Europe/Berlin', 'Hamburg|Germany|Europe/Berlin', 'Frankfurt|Germany|Europe/Berlin', 'Cologne|Germany|Europe/Berlin',
  'Paris|France|Europe/Paris', 'Lyon|France|Europe/Paris', 'Amsterdam|Netherlands|Europe/Amsterdam', 'Rotterdam|Netherlands|Europe/Amsterdam',
  'Brussels|Belgium|Europe/Brussels', 'Zurich|Switzerland|Europe/Zurich', 'Geneva|Switzerland|Europe/Zurich', 'Vienna|Austria|Europe/Vienna',
  'Madrid|Spain|Europe/Madrid', 'Barcelona|Spain|Europe/Madrid', 'Milan|Italy|Europe/Rome', 'Rome|Italy|Europe/Rome',
  'Copenhagen|Denmark|Europe/Copenhagen', 'Stockholm|Sweden|Europe/Stockholm', 'Oslo|Norway|Europe/Oslo', 'Helsinki|Finland|Europe/Helsinki',
  'Warsaw|Poland|Europe/Warsaw', 'Krakow|Poland|Europe/Warsaw', 'Prague|Czechia|Europe/Prague', 'Budapest|Hungary|Europe/Budapest',
  'Bucharest|Romania|Europe/Bucharest', 'Athens|Greece|Europe/Athens', 'Kyiv|Ukraine|Europe/Kyiv', 'Istanbul|Turkey|Europe/Istanbul', 'Tallinn|Estonia|Europe/Tallinn',
  'New York|United States|America/New_York', 'Boston|United States|America/New_York', 'Washington|United States|America/New_York', 'Atlanta|United States|America/New_York', 'Miami|United States|America/New_York',
  'Chicago|United States|America/Chicago', 'Austin|United States|America/Chicago', 'Dallas|United States|America/Chicago', 'Denver|United States|America/Denver',
  'San Francisco|United States|America/Los_Angeles', 'Los Angeles|United States|America/Los_Angeles', 'Seattle|United States|America/Los_Angeles', 'San Jose|United States|America/Los_Angeles',
  'Toronto|Canada|America/Toronto', 'Montreal|Canada|America/Toronto', 'Vancouver|Canada|America/Vancouver',
  'Mexico City|Mexico|America/Mexico_City', 'Sao Paulo|Brazil|America/Sao_Paulo', 'Buenos Aires|Argentina|America/Argentina/Buenos_Aires', 'Bogota|Colombia|America/Bogota',
  'Bangalore|India|Asia/Kolkata', 'Bengaluru|India|Asia/Kolkata', 'Mumbai|India|Asia/Kolkata', 'Delhi|India|Asia/Kolkata', 'Hyderabad|India|Asia/Kolkata', 'Pune|India|Asia/Kolkata',
  'Singapore|Singapore|Asia/Singapore', 'Tokyo|Japan|Asia/Tokyo', 'Seoul|South Korea|Asia/Seoul', 'Hong Kong|Hong Kong|Asia/Hong_Kong', 'Shanghai|China|Asia/Shanghai',
  'Dubai|United Arab Emirates|Asia/Dubai', 'Tel Aviv|Israel|Asia/Jerusalem', 'Cape Town|South Africa|Africa/Johannesburg', 'Johannesburg|South Africa|Africa/Johannesburg',
  'Lagos|Nigeria|Africa/Lagos', 'Nairobi|Kenya|Africa/Nairobi', 'Cairo|Egypt|Africa/Cairo',
  'Sydney|Australia|Australia/Sydney', 'Melbourne|Australia|Australia/Melbourne', 'Auckland|New Zealand|Pacific/Auckland',
];

/** Time-zone words in job descriptions -> a representative IANA zone. Keys are lower case. */
export const timeZoneWords: Readonly<Record<string, string>> = {
  cet: 'Europe/Berlin', cest: 'Europe/Berlin', 'central european': 'Europe/Berlin',
  gmt: 'Europe/London', bst: 'Europe/London', wet: 'Europe/Lisbon', eet: 'Europe/Helsinki', eest: 'Europe/Helsinki',
  utc: 'UTC', est: 'America/New_York', edt: 'America/New_York', et: 'America/New_York', eastern: 'America/New_York',
  cst: 'America/Chicago', cdt: 'America/Chicago', central: 'America/Chicago', mst: 'America/Denver', mountain: 'America/Denver',
  pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles', pt: 'America/Los_Angeles', pacific: 'America/Los_Angeles',
  ist: 'Asia/Kolkata', sgt: 'Asia/Singapore', jst: 'Asia/Tokyo', aest: 'Australia/Sydney', aedt: 'Australia/Sydney',
};

export interface Place {
  city: string;
  country: string;
  timeZone: string;
}

export const places: Place[] = cityData.map((line) => {
  const [city, country, timeZone] = line.split('|');
  return { city, country, timeZone };
});
