// The country of each zone of the countries that keep several clocks (the rest are in
// COUNTRY_ZONES, one zone each), generated from tzdata zone.tab: with it, a rep's zone says
// their country, e.g. America/Chicago → US, for showing phone numbers as the rep dials them.
import { COUNTRY_ZONES } from './country-zones';

const TABLE =
  'Antarctica/Macquarie=AU Australia/Adelaide=AU ' +
  'Australia/Brisbane=AU Australia/Broken_Hill=AU Australia/Darwin=AU Australia/Eucla=AU ' +
  'Australia/Hobart=AU Australia/Lindeman=AU Australia/Lord_Howe=AU Australia/Melbourne=AU ' +
  'Australia/Perth=AU Australia/Sydney=AU America/Araguaina=BR America/Bahia=BR ' +
  'America/Belem=BR America/Boa_Vista=BR America/Campo_Grande=BR America/Cuiaba=BR ' +
  'America/Eirunepe=BR America/Fortaleza=BR America/Maceio=BR America/Manaus=BR ' +
  'America/Noronha=BR America/Porto_Velho=BR America/Recife=BR America/Rio_Branco=BR ' +
  'America/Santarem=BR America/Sao_Paulo=BR America/Atikokan=CA America/Blanc-Sablon=CA ' +
  'America/Cambridge_Bay=CA America/Creston=CA America/Dawson=CA America/Dawson_Creek=CA ' +
  'America/Edmonton=CA America/Fort_Nelson=CA America/Glace_Bay=CA America/Goose_Bay=CA ' +
  'America/Halifax=CA America/Inuvik=CA America/Iqaluit=CA America/Moncton=CA ' +
  'America/Rankin_Inlet=CA America/Regina=CA America/Resolute=CA America/St_Johns=CA ' +
  'America/Swift_Current=CA America/Toronto=CA America/Vancouver=CA America/Whitehorse=CA ' +
  'America/Winnipeg=CA Africa/Kinshasa=CD Africa/Lubumbashi=CD America/Coyhaique=CL ' +
  'America/Punta_Arenas=CL America/Santiago=CL Pacific/Easter=CL America/Guayaquil=EC ' +
  'Pacific/Galapagos=EC Africa/Ceuta=ES Atlantic/Canary=ES Europe/Madrid=ES Pacific/Chuuk=FM ' +
  'Pacific/Kosrae=FM Pacific/Pohnpei=FM America/Danmarkshavn=GL America/Nuuk=GL ' +
  'America/Scoresbysund=GL America/Thule=GL Asia/Jakarta=ID Asia/Jayapura=ID Asia/Makassar=ID ' +
  'Asia/Pontianak=ID Pacific/Kanton=KI Pacific/Kiritimati=KI Pacific/Tarawa=KI Asia/Almaty=KZ ' +
  'Asia/Aqtau=KZ Asia/Aqtobe=KZ Asia/Atyrau=KZ Asia/Oral=KZ Asia/Qostanay=KZ Asia/Qyzylorda=KZ ' +
  'Pacific/Kwajalein=MH Pacific/Majuro=MH Asia/Hovd=MN Asia/Ulaanbaatar=MN ' +
  'America/Bahia_Banderas=MX America/Cancun=MX America/Chihuahua=MX America/Ciudad_Juarez=MX ' +
  'America/Hermosillo=MX America/Matamoros=MX America/Mazatlan=MX America/Merida=MX ' +
  'America/Mexico_City=MX America/Monterrey=MX America/Ojinaga=MX America/Tijuana=MX ' +
  'Pacific/Auckland=NZ Pacific/Chatham=NZ Pacific/Gambier=PF Pacific/Marquesas=PF ' +
  'Pacific/Tahiti=PF Pacific/Bougainville=PG Pacific/Port_Moresby=PG Asia/Gaza=PS ' +
  'Asia/Hebron=PS Atlantic/Azores=PT Atlantic/Madeira=PT Europe/Lisbon=PT Asia/Anadyr=RU ' +
  'Asia/Barnaul=RU Asia/Chita=RU Asia/Irkutsk=RU Asia/Kamchatka=RU Asia/Khandyga=RU ' +
  'Asia/Krasnoyarsk=RU Asia/Magadan=RU Asia/Novokuznetsk=RU Asia/Novosibirsk=RU Asia/Omsk=RU ' +
  'Asia/Sakhalin=RU Asia/Srednekolymsk=RU Asia/Tomsk=RU Asia/Ust-Nera=RU Asia/Vladivostok=RU ' +
  'Asia/Yakutsk=RU Asia/Yekaterinburg=RU Europe/Astrakhan=RU Europe/Kaliningrad=RU ' +
  'Europe/Kirov=RU Europe/Moscow=RU Europe/Samara=RU Europe/Saratov=RU Europe/Ulyanovsk=RU ' +
  'Europe/Volgograd=RU Europe/Kyiv=UA Europe/Simferopol=UA Pacific/Midway=UM Pacific/Wake=UM ' +
  'America/Adak=US America/Anchorage=US America/Boise=US America/Chicago=US America/Denver=US ' +
  'America/Detroit=US America/Indiana/Indianapolis=US America/Indiana/Knox=US ' +
  'America/Indiana/Marengo=US America/Indiana/Petersburg=US America/Indiana/Tell_City=US ' +
  'America/Indiana/Vevay=US America/Indiana/Vincennes=US America/Indiana/Winamac=US ' +
  'America/Juneau=US America/Kentucky/Louisville=US America/Kentucky/Monticello=US ' +
  'America/Los_Angeles=US America/Menominee=US America/Metlakatla=US America/New_York=US ' +
  'America/Nome=US America/North_Dakota/Beulah=US America/North_Dakota/Center=US ' +
  'America/North_Dakota/New_Salem=US America/Phoenix=US America/Sitka=US America/Yakutat=US ' +
  'Pacific/Honolulu=US';

const ZONE_COUNTRIES: ReadonlyMap<string, string> = new Map([
  ...[...COUNTRY_ZONES].map(([country, zone]) => [zone, country] as const),
  ...TABLE.split(' ').map((pair) => pair.split('=') as [string, string]),
]);

/** The ISO 3166 country of an IANA zone ("America/Chicago" → "US"), when tzdata names one. */
export function countryOfZone(zone: string): string | undefined {
  return ZONE_COUNTRIES.get(zone);
}
