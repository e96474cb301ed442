//! General world knowledge: countries and their demonyms, capitals and large
//! cities, states and provinces, continents and geographic regions, bodies of
//! water, organisation acronyms, titles and common given names. Facts, not
//! tuned to any corpus. One entry per line; `|` separates variants.

/// `Country|variant… = demonym adjective|plural people|…` (first demonym is
/// the adjective).
pub const COUNTRIES: &str = "\
Afghanistan = Afghan|Afghans|Afghani
Albania = Albanian|Albanians
Algeria = Algerian|Algerians
Andorra = Andorran|Andorrans
Angola = Angolan|Angolans
Antigua and Barbuda = Antiguan|Antiguans
Argentina = Argentine|Argentinian|Argentines|Argentinians
Armenia = Armenian|Armenians
Australia = Australian|Australians|Aussie|Aussies
Austria = Austrian|Austrians
Azerbaijan = Azerbaijani|Azerbaijanis|Azeri|Azeris
Bahamas|The Bahamas = Bahamian|Bahamians
Bahrain = Bahraini|Bahrainis
Bangladesh = Bangladeshi|Bangladeshis
Barbados = Barbadian|Barbadians
Belarus|Byelorussia = Belarusian|Belarusians|Belarussian|Byelorussian
Belgium = Belgian|Belgians
Belize = Belizean|Belizeans
Benin = Beninese
Bhutan = Bhutanese
Bolivia = Bolivian|Bolivians
Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia = Bosnian|Bosnians|Herzegovinian
Botswana = Botswanan|Motswana|Batswana
Brazil = Brazilian|Brazilians
Brunei = Bruneian|Bruneians
Bulgaria = Bulgarian|Bulgarians
Burkina Faso = Burkinabe
Burundi = Burundian|Burundians
Cambodia = Cambodian|Cambodians|Khmer
Cameroon = Cameroonian|Cameroonians
Canada = Canadian|Canadians
Cape Verde|Cabo Verde = Cape Verdean|Cape Verdeans
Central African Republic|CAR = Central African|Central Africans
Chad = Chadian|Chadians
Chile = Chilean|Chileans
China|PRC|People's Republic of China|Mainland China = Chinese
Colombia = Colombian|Colombians
Comoros = Comoran|Comorian
Congo|Republic of the Congo|Democratic Republic of the Congo|DRC|DR Congo|Congo-Brazzaville|Congo-Kinshasa|Zaire = Congolese
Costa Rica = Costa Rican|Costa Ricans
Cote d'Ivoire|Côte d'Ivoire|Ivory Coast = Ivorian|Ivorians
Croatia = Croatian|Croatians|Croat|Croats
Cuba = Cuban|Cubans
Cyprus = Cypriot|Cypriots
Czech Republic|Czechia = Czech|Czechs
Denmark = Danish|Dane|Danes
Djibouti = Djiboutian|Djiboutians
Dominica = Dominican|Dominicans
Dominican Republic = Dominican|Dominicans
East Timor|Timor-Leste = Timorese|East Timorese
Ecuador = Ecuadorian|Ecuadorians|Ecuadorean
Egypt = Egyptian|Egyptians
El Salvador = Salvadoran|Salvadorans|Salvadorean
Equatorial Guinea = Equatoguinean|Equatorial Guinean
Eritrea = Eritrean|Eritreans
Estonia = Estonian|Estonians
Eswatini|Swaziland = Swazi|Swazis
Ethiopia = Ethiopian|Ethiopians
Fiji = Fijian|Fijians
Finland = Finnish|Finn|Finns
France = French|Frenchman|Frenchmen|Frenchwoman
Gabon = Gabonese
Gambia|The Gambia = Gambian|Gambians
Georgia = Georgian|Georgians
Germany|West Germany|East Germany = German|Germans
Ghana = Ghanaian|Ghanaians
Greece = Greek|Greeks|Hellenic
Grenada = Grenadian|Grenadians
Guatemala = Guatemalan|Guatemalans
Guinea = Guinean|Guineans
Guinea-Bissau = Bissau-Guinean
Guyana = Guyanese
Haiti = Haitian|Haitians
Honduras = Honduran|Hondurans
Hungary = Hungarian|Hungarians|Magyar
Iceland = Icelandic|Icelander|Icelanders
India = Indian|Indians
Indonesia = Indonesian|Indonesians
Iran = Iranian|Iranians|Persian|Persians
Iraq = Iraqi|Iraqis
Ireland|Eire|Republic of Ireland = Irish|Irishman|Irishmen
Israel = Israeli|Israelis
Italy = Italian|Italians
Jamaica = Jamaican|Jamaicans
Japan = Japanese
Jordan = Jordanian|Jordanians
Kazakhstan = Kazakh|Kazakhs|Kazakhstani|Kazakhstanis|Kazak|Kazaks
Kenya = Kenyan|Kenyans
Kiribati = I-Kiribati
Kosovo = Kosovar|Kosovars|Kosovan
Kuwait = Kuwaiti|Kuwaitis
Kyrgyzstan|Kirghizia|Kyrgyz Republic = Kyrgyz|Kyrgyzstani|Kirghiz
Laos = Lao|Laotian|Laotians
Latvia = Latvian|Latvians
Lebanon = Lebanese
Lesotho = Basotho|Mosotho
Liberia = Liberian|Liberians
Libya = Libyan|Libyans
Liechtenstein = Liechtensteiner
Lithuania = Lithuanian|Lithuanians
Luxembourg = Luxembourgish|Luxembourger|Luxembourgers
Madagascar = Malagasy
Malawi = Malawian|Malawians
Malaysia = Malaysian|Malaysians
Maldives = Maldivian|Maldivians
Mali = Malian|Malians
Malta = Maltese
Marshall Islands = Marshallese
Mauritania = Mauritanian|Mauritanians
Mauritius = Mauritian|Mauritians
Mexico = Mexican|Mexicans
Micronesia = Micronesian|Micronesians
Moldova|Moldavia = Moldovan|Moldovans|Moldavian
Monaco = Monegasque|Monacan
Mongolia = Mongolian|Mongolians|Mongol|Mongols
Montenegro = Montenegrin|Montenegrins
Morocco = Moroccan|Moroccans
Mozambique = Mozambican|Mozambicans
Myanmar|Burma = Burmese|Myanmarese
Namibia = Namibian|Namibians
Nauru = Nauruan
Nepal = Nepali|Nepalese|Nepalis
Netherlands|The Netherlands|Holland = Dutch|Dutchman|Dutchmen|Netherlander
New Zealand = New Zealander|New Zealanders|Kiwi|Kiwis
Nicaragua = Nicaraguan|Nicaraguans
Niger = Nigerien|Nigeriens
Nigeria = Nigerian|Nigerians
North Korea|DPRK|Democratic People's Republic of Korea = North Korean|North Koreans
North Macedonia|Macedonia = Macedonian|Macedonians
Norway = Norwegian|Norwegians
Oman = Omani|Omanis
Pakistan = Pakistani|Pakistanis
Palau = Palauan
Palestine|Palestinian Territories = Palestinian|Palestinians
Panama = Panamanian|Panamanians
Papua New Guinea = Papua New Guinean|Papuan
Paraguay = Paraguayan|Paraguayans
Peru = Peruvian|Peruvians
Philippines|The Philippines = Filipino|Filipinos|Philippine|Filipina
Poland = Polish|Pole|Poles
Portugal = Portuguese
Qatar = Qatari|Qataris
Romania|Rumania = Romanian|Romanians
Russia|Russian Federation = Russian|Russians
Rwanda = Rwandan|Rwandans
Saint Kitts and Nevis = Kittitian
Saint Lucia = Saint Lucian
Saint Vincent and the Grenadines = Vincentian
Samoa = Samoan|Samoans
San Marino = Sammarinese
Sao Tome and Principe = Santomean
Saudi Arabia = Saudi|Saudis|Saudi Arabian
Senegal = Senegalese
Serbia = Serbian|Serbians|Serb|Serbs
Seychelles = Seychellois
Sierra Leone = Sierra Leonean|Sierra Leoneans
Singapore = Singaporean|Singaporeans
Slovakia = Slovak|Slovaks|Slovakian
Slovenia = Slovenian|Slovenians|Slovene|Slovenes
Solomon Islands = Solomon Islander
Somalia = Somali|Somalis
South Africa = South African|South Africans
South Korea|Republic of Korea|Korea = South Korean|South Koreans|Korean|Koreans
South Sudan = South Sudanese
Spain = Spanish|Spaniard|Spaniards
Sri Lanka|Ceylon = Sri Lankan|Sri Lankans
Sudan = Sudanese
Suriname = Surinamese
Sweden = Swedish|Swede|Swedes
Switzerland = Swiss
Syria = Syrian|Syrians
Taiwan|Republic of China = Taiwanese
Tajikistan = Tajik|Tajiks|Tajikistani|Tadjik
Tanzania = Tanzanian|Tanzanians
Thailand|Siam = Thai|Thais
Togo = Togolese
Tonga = Tongan|Tongans
Trinidad and Tobago = Trinidadian|Tobagonian
Tunisia = Tunisian|Tunisians
Turkey|Türkiye = Turkish|Turk|Turks
Turkmenistan = Turkmen|Turkmens|Turkmenistani
Tuvalu = Tuvaluan
Uganda = Ugandan|Ugandans
Ukraine = Ukrainian|Ukrainians
United Arab Emirates|UAE|Emirates = Emirati|Emiratis
United Kingdom|UK|U.K.|Britain|Great Britain = British|Briton|Britons|Brit|Brits
United States|United States of America|US|U.S.|USA|U.S.A.|America = American|Americans
Uruguay = Uruguayan|Uruguayans
Uzbekistan = Uzbek|Uzbeks|Uzbekistani
Vanuatu = Ni-Vanuatu
Vatican|Vatican City|Holy See = Vatican
Venezuela = Venezuelan|Venezuelans
Vietnam|Viet Nam = Vietnamese
Yemen = Yemeni|Yemenis
Zambia = Zambian|Zambians
Zimbabwe = Zimbabwean|Zimbabweans
Soviet Union|USSR|U.S.S.R. = Soviet|Soviets
Yugoslavia = Yugoslav|Yugoslavs|Yugoslavian
Czechoslovakia = Czechoslovak
England = English|Englishman|Englishmen
Scotland = Scottish|Scot|Scots
Wales = Welsh|Welshman
Northern Ireland = Northern Irish
Hong Kong = Hong Konger|Hongkonger
Macau|Macao = Macanese
Puerto Rico = Puerto Rican|Puerto Ricans
Greenland = Greenlandic|Greenlander
Tibet = Tibetan|Tibetans
Chechnya = Chechen|Chechens
Kurdistan = Kurdish|Kurd|Kurds
Catalonia = Catalan|Catalans
Quebec = Quebecois|Quebecer
Texas = Texan|Texans
California = Californian|Californians
";

/// Capitals of the world and large cities (GPE).
pub const CITIES: &str = "\
Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Vienna|Baku|Nassau|Manama|Dhaka|Minsk|Brussels|Belmopan
Porto-Novo|Thimphu|La Paz|Sucre|Sarajevo|Gaborone|Brasilia|Brasília|Sofia|Ouagadougou|Gitega|Phnom Penh|Yaounde|Ottawa
Praia|Bangui|N'Djamena|Santiago|Beijing|Peking|Bogota|Bogotá|Kinshasa|Brazzaville|San Jose|Yamoussoukro|Zagreb|Havana
Nicosia|Prague|Copenhagen|Djibouti City|Roseau|Santo Domingo|Dili|Quito|Cairo|San Salvador|Malabo|Asmara|Tallinn|Mbabane
Addis Ababa|Suva|Helsinki|Paris|Libreville|Banjul|Tbilisi|Berlin|Bonn|Accra|Athens|Guatemala City|Conakry|Bissau|Georgetown
Port-au-Prince|Tegucigalpa|Budapest|Reykjavik|New Delhi|Delhi|Jakarta|Tehran|Baghdad|Dublin|Jerusalem|Tel Aviv|Rome|Kingston
Tokyo|Amman|Astana|Nairobi|Tarawa|Pristina|Kuwait City|Bishkek|Vientiane|Riga|Beirut|Maseru|Monrovia|Tripoli|Vaduz
Vilnius|Antananarivo|Lilongwe|Kuala Lumpur|Male|Bamako|Valletta|Majuro|Nouakchott|Port Louis|Mexico City|Chisinau|Ulaanbaatar
Ulan Bator|Podgorica|Rabat|Maputo|Naypyidaw|Rangoon|Yangon|Windhoek|Kathmandu|Amsterdam|The Hague|Wellington|Managua|Niamey
Abuja|Lagos|Pyongyang|Skopje|Oslo|Muscat|Islamabad|Ramallah|Panama City|Port Moresby|Asuncion|Asunción|Lima|Manila
Warsaw|Lisbon|Doha|Bucharest|Moscow|Kigali|Apia|Riyadh|Dakar|Belgrade|Victoria|Freetown|Bratislava|Ljubljana|Honiara
Mogadishu|Pretoria|Cape Town|Johannesburg|Seoul|Juba|Madrid|Colombo|Khartoum|Paramaribo|Stockholm|Bern|Damascus|Taipei
Dushanbe|Dodoma|Dar es Salaam|Bangkok|Lome|Lomé|Nuku'alofa|Port of Spain|Tunis|Ankara|Istanbul|Ashgabat|Kampala|Kyiv|Kiev
Abu Dhabi|Dubai|London|Washington|Washington D.C.|Washington, D.C.|Montevideo|Tashkent|Caracas|Hanoi|Ho Chi Minh City|Saigon
Sanaa|Sana'a|Lusaka|Harare|Edinburgh|Cardiff|Belfast
New York|New York City|NYC|Los Angeles|LA|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|Austin
San Francisco|Seattle|Boston|Detroit|Denver|Miami|Atlanta|Baltimore|Las Vegas|Portland|New Orleans|Cleveland|Pittsburgh
Minneapolis|St. Louis|Cincinnati|Orlando|Tampa|Sacramento|Honolulu|Nashville|Memphis|Milwaukee|Kansas City|Indianapolis
Toronto|Montreal|Vancouver|Calgary|Sydney|Melbourne|Brisbane|Perth|Adelaide|Auckland
Manchester|Liverpool|Birmingham|Glasgow|Leeds|Bristol|Oxford|Cambridge|Hamburg|Munich|Frankfurt|Cologne|Milan|Naples|Turin
Florence|Venice|Barcelona|Valencia|Seville|Porto|Marseille|Lyon|Nice|Rotterdam|Antwerp|Zurich|Zürich|Salzburg|Krakow|Kraków
Gdansk|St. Petersburg|Saint Petersburg|Leningrad|Novosibirsk|Yekaterinburg|Kazan|Vladivostok|Sochi|Odessa|Odesa|Kharkiv|Kharkov
Lviv|Sevastopol|Shanghai|Guangzhou|Shenzhen|Chongqing|Tianjin|Wuhan|Chengdu|Hangzhou|Nanjing|Xi'an|Urumqi|Lhasa
Osaka|Kyoto|Yokohama|Hiroshima|Nagasaki|Busan|Mumbai|Bombay|Kolkata|Calcutta|Chennai|Madras|Bangalore|Bengaluru|Hyderabad
Karachi|Lahore|Kandahar|Herat|Mosul|Basra|Aleppo|Homs|Gaza City|Jeddah|Mecca|Medina|Alexandria|Casablanca|Marrakesh
Rio de Janeiro|Sao Paulo|São Paulo|Guadalajara|Monterrey|Medellin|Medellín|Samarkand|Bukhara|Osh|Tabriz|Isfahan|Shiraz|Mashhad
Benghazi|Kandy|Lahti|Gothenburg|Bergen|Aarhus|Davos|Strasbourg|Luxembourg City|Monaco|Hong Kong
";

/// States, provinces and other governed regions (GPE).
pub const STATES: &str = "\
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas
Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire
New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota
Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|District of Columbia|D.C.
Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland
New South Wales|Queensland|Tasmania|Western Australia|South Australia
Bavaria|Saxony|Catalonia|Andalusia|Basque Country|Lombardy|Sicily|Sardinia|Corsica|Tuscany|Brittany|Normandy|Flanders|Wallonia
Scotland|England|Wales|Northern Ireland|Ulster
Chechnya|Dagestan|Tatarstan|Bashkortostan|Xinjiang|Tibet|Inner Mongolia|Guangdong|Sichuan|Hubei|Yunnan|Taiwan|Macau
Kashmir|Punjab|Kerala|Gujarat|Bengal|Bihar|Assam|Balochistan|Kurdistan|Gaza|Gaza Strip|West Bank|Golan Heights|Transnistria
Nagorno-Karabakh|Karabakh|Kosovo|Darfur|Tigray|Puerto Rico|Guam|Greenland|Faroe Islands
";

/// Continents, regions, bodies of water, mountains, deserts (LOC).
pub const PLACES: &str = "\
Africa|Asia|Europe|North America|South America|Latin America|Central America|Antarctica|Oceania|Australasia|Eurasia
Middle East|Near East|Far East|Central Asia|South Asia|Southeast Asia|East Asia|Western Asia|Asia-Pacific|Asia Pacific
Eastern Europe|Western Europe|Central Europe|Southern Europe|Northern Europe|Central and Eastern Europe|Scandinavia|Nordic
Balkans|the Balkans|Baltics|Baltic States|Caucasus|North Caucasus|South Caucasus|Transcaucasia|Levant|Maghreb|Sahel|Horn of Africa
North Africa|West Africa|East Africa|Southern Africa|Sub-Saharan Africa|Central Africa|Arctic|the Arctic|Antarctic|Indochina
Mediterranean|Caribbean|Pacific|Atlantic|Pacific Ocean|Atlantic Ocean|Indian Ocean|Arctic Ocean|Southern Ocean|Black Sea
Caspian Sea|Caspian|Baltic Sea|Baltic|North Sea|Red Sea|Dead Sea|Aral Sea|South China Sea|East China Sea|Sea of Japan
Mediterranean Sea|Adriatic|Aegean|Persian Gulf|Gulf of Mexico|Gulf of Aden|Gulf of Oman|Strait of Hormuz|Bosphorus|Suez Canal
Panama Canal|English Channel|Bering Strait|Taiwan Strait|Lake Baikal|Great Lakes|Lake Victoria|Nile|Amazon|Danube|Volga|Rhine
Thames|Seine|Yangtze|Yellow River|Mekong|Ganges|Indus|Euphrates|Tigris|Jordan River|Mississippi River|Missouri River
Rio Grande|Dnieper|Don|Ob|Yenisei|Amur|Syr Darya|Amu Darya|Himalayas|Alps|Andes|Rockies|Rocky Mountains|Urals|Ural Mountains
Pamirs|Pamir|Tian Shan|Tien Shan|Hindu Kush|Carpathians|Pyrenees|Appalachians|Mount Everest|Everest|Kilimanjaro|Sahara
Gobi|Gobi Desert|Kalahari|Negev|Sinai|Sinai Peninsula|Arabian Peninsula|Korean Peninsula|Iberian Peninsula|Crimean Peninsula
Siberia|Patagonia|Midwest|Deep South|New England|Pacific Northwest|West Coast|East Coast|Bay Area|Silicon Valley
Wall Street|Outback|Steppe|Eurasian Steppe|Fertile Crescent|Mesopotamia|Persian Gulf region|Indo-Pacific|Global South
Northern Hemisphere|Southern Hemisphere
";

/// Organisations: common acronyms and full names (ORG).
pub const ORGS: &str = "\
UN|U.N.|United Nations|UN Security Council|UNSC|UN General Assembly|General Assembly|NATO|North Atlantic Treaty Organization
EU|European Union|European Commission|European Parliament|Council of Europe|European Council|ECB|European Central Bank
CSTO|Collective Security Treaty Organization|Collective Security Treaty Organisation|SCO|Shanghai Cooperation Organisation
Shanghai Cooperation Organization|CIS|Commonwealth of Independent States|EAEU|EEU|Eurasian Economic Union
BRI|Belt and Road Initiative|Belt and Road|One Belt One Road|OBOR|BRICS|G7|G-7|G8|G20|G-20|ASEAN|APEC|OPEC|OPEC+|OSCE|OECD
AU|African Union|Arab League|OAS|Organization of American States|Gulf Cooperation Council|GCC|Mercosur|NAFTA|USMCA|WTO
World Trade Organization|IMF|International Monetary Fund|World Bank|WHO|World Health Organization|UNESCO|UNICEF|UNHCR|UNDP
IAEA|International Atomic Energy Agency|ICC|International Criminal Court|ICJ|International Court of Justice|Interpol|Europol
Red Cross|International Committee of the Red Cross|ICRC|Red Crescent|Amnesty International|Human Rights Watch|Greenpeace
Doctors Without Borders|MSF|Transparency International|World Economic Forum|WEF|EBRD|Asian Development Bank|ADB|AIIB
New Development Bank|IOC|International Olympic Committee|FIFA|UEFA|NBA|NFL|MLB|NHL|NCAA|WADA
CIA|FBI|NSA|DHS|DOJ|Department of Justice|State Department|Department of State|Department of Defense|DoD|NASA
EPA|FDA|CDC|IRS|SEC|Federal Reserve|Fed|White House|Congress|Senate|House of Representatives|Supreme Court|Secret Service
KGB|FSB|GRU|SVR|MI5|MI6|GCHQ|Mossad|Shin Bet|ISI|MSS|Stasi|Federation Council|Bundestag|Knesset|Politburo
House of Commons|House of Lords|Downing Street|Scotland Yard|NHS|BBC|CNN|Fox News|MSNBC|NPR|PBS|ABC|CBS|NBC|AFP
Associated Press|Agence France-Presse|Bloomberg|Xinhua|TASS|Interfax|RIA Novosti|Al Jazeera|Sky News|Euronews|Deutsche Welle
New York Times|Washington Post|Wall Street Journal|Financial Times|The Economist|The Guardian|Guardian|The Times|Le Monde
Communist Party|Chinese Communist Party|CCP|CPC|Republican Party|Democratic Party|GOP|Labour Party|Conservative Party|Tories
United Russia|Bharatiya Janata Party|BJP|Indian National Congress|ANC|African National Congress|Likud|Fatah|Hamas|Hezbollah
Taliban|al-Qaeda|al-Qaida|Al Qaeda|ISIS|ISIL|Islamic State|Daesh|Boko Haram|al-Shabaab|Muslim Brotherhood|PKK|IRA|Wagner Group
Google|Alphabet|Microsoft|Apple|Amazon.com|Meta|Instagram|YouTube|TikTok|WhatsApp|Telegram|LinkedIn|Netflix
IBM|Intel|Samsung|Huawei|Sony|Toyota|Volkswagen|BMW|Ford|General Motors|GM|Tesla|Boeing|Airbus|Exxon|ExxonMobil|Chevron
Shell|Royal Dutch Shell|BP|Total|TotalEnergies|Gazprom|Rosneft|Lukoil|Saudi Aramco|Aramco|CNPC|Sinopec|PetroChina|Goldman Sachs
JPMorgan|JP Morgan|Morgan Stanley|Citigroup|HSBC|Barclays|Deutsche Bank|UBS|Credit Suisse|Walmart|Coca-Cola|PepsiCo|McDonald's
Starbucks|Nike|Disney|Pfizer|Moderna|AstraZeneca|Johnson & Johnson|Nokia|Ericsson|Siemens|Alibaba|Tencent|Baidu|ByteDance
Harvard|Harvard University|Yale|Stanford|MIT|Princeton|Oxford University|Cambridge University|Columbia University
Real Madrid|Bayern Munich|Juventus|Manchester United|Manchester City|Tottenham|Tottenham Hotspur|Borussia Dortmund|Inter Milan
AC Milan|Paris Saint-Germain|PSG|Atletico Madrid|Ajax|Ajax Amsterdam|PSV Eindhoven|Feyenoord|Celtic|Benfica|Arsenal|Chelsea
Everton|Newcastle United|Aston Villa|West Ham|West Ham United|Lazio|Fiorentina|Sampdoria|Galatasaray|Fenerbahce|Besiktas
Olympiakos|Panathinaikos|Anderlecht|New York Yankees|Boston Red Sox|Los Angeles Lakers|Chicago Bulls|Dallas Cowboys
New York Knicks|Green Bay Packers|Toronto Maple Leafs|ATP|WTA|ICC|ITF|IAAF|World Athletics|FIA|Formula One|Ferrari|McLaren
Williams|Red Bull|Mercedes|Renault|Peugeot|Fiat|Volvo|Honda|Nissan|Hyundai|Kia|Mitsubishi|Hitachi|Panasonic|Toshiba|Philips
Unilever|Nestle|Nestlé|Novartis|Roche|Bayer|BASF|Daimler|Lufthansa|British Airways|Air France|KLM|Emirates Airline|Qatar Airways
Delta Air Lines|United Airlines|American Airlines|Aeroflot|Ryanair|easyJet|Vodafone|Deutsche Telekom|AT&T|Verizon|Oracle|Cisco
Qualcomm|Nvidia|AMD|Dell|HP|Hewlett-Packard|Xerox|Kodak|Yahoo|eBay|PayPal|Visa|Mastercard|American Express|Citibank|Wells Fargo
Bank of America|Bank of England|Bank of Japan|People's Bank of China|Bundesbank|Lloyd's|Lloyds|Allianz|AXA|ING|BNP Paribas
Societe Generale|Santander|Nomura|Mitsubishi UFJ|Standard Chartered|Rio Tinto|BHP|Glencore|ArcelorMittal|Nasdaq|NYSE
New York Stock Exchange|London Stock Exchange|Dow Jones|Standard & Poor's|Moody's|Fitch|Nikkei|Ernst & Young|Deloitte|KPMG
PwC|McKinsey|Greenpeace International|WWF|Oxfam|Save the Children|UNRWA|UNFPA|UNEP|FAO|WFP|World Food Programme|ILO|UNCTAD
Organisation for Economic Co-operation and Development|European Free Trade Association|Warsaw Pact|Comecon|League of Nations
Hezbollah|Hizbollah|PLO|Palestine Liberation Organization|ETA|FARC|Shining Path|Tamil Tigers|LTTE|Khmer Rouge|Kurdistan Workers' Party
Sinn Fein|Sinn Féin|Christian Democratic Union|CDU|CSU|SPD|Social Democratic Party|Free Democratic Party|FDP|Greens|Bundesrat
National Front|Front National|Socialist Party|Gaullist|RPR|Forza Italia|Northern League|Congress Party|Liberal Democrats
Liberal Party|New Democratic Party|Kuomintang|KMT|Pakistan Peoples Party|PPP|Awami League|Solidarity|Communist Party of the Soviet Union
Brookings Institution|RAND|RAND Corporation|Carnegie Endowment|Chatham House|Council on Foreign Relations|Heritage Foundation
";

/// Religious, political and ethnic groups (NORP) that are not demonyms.
pub const GROUPS: &str = "\
Muslim|Muslims|Moslem|Islamic|Islamist|Islamists|Christian|Christians|Catholic|Catholics|Protestant|Protestants|Orthodox
Jewish|Jew|Jews|Hindu|Hindus|Buddhist|Buddhists|Sikh|Sikhs|Sunni|Sunnis|Shia|Shiite|Shiites|Shi'ite|Salafi|Salafist|Wahhabi
Evangelical|Evangelicals|Mormon|Mormons|Lutheran|Anglican|Methodist|Baptist|Atheist|Arab|Arabs|Arabic|Berber|Berbers
Pashtun|Pashtuns|Uighur|Uighurs|Uyghur|Uyghurs|Hazara|Hazaras|Tatar|Tatars|Tartar|Cossack|Cossacks|Slav|Slavs|Slavic
Hispanic|Hispanics|Latino|Latinos|Latina|Asian|Asians|African|Africans|European|Europeans|Western|Westerners|Eastern
Caucasian|Scandinavian|Baltic|Balkan|Nordic|Arabian|Persian|Anglo-Saxon|Anglo|Celtic|Roma|Bedouin|Druze|Alawite|Alawites
Yazidi|Yazidis|Rohingya|Tamil|Tamils|Sinhalese|Hutu|Hutus|Tutsi|Tutsis|Zulu|Maori|Aboriginal|Inuit|Native American
Democrat|Democrats|Republican|Republicans|Communist|Communists|Socialist|Socialists|Marxist|Marxists|Bolshevik|Bolsheviks
Nazi|Nazis|Fascist|Fascists|Liberal|Liberals|Conservative|Conservatives|Labour|Tory|Tories|Green|Greens|Libertarian
Eurasian|Soviet|Soviets|Sino|Anglo-American|Euro-Atlantic|Transatlantic|Post-Soviet|Central Asian|Middle Eastern
East Asian|South Asian|Southeast Asian|North African|West African|East African|Latin American|Eastern European|Western European
";

/// Event names (EVENT) that are general knowledge.
pub const EVENTS: &str = "\
World War I|World War II|World War One|World War Two|First World War|Second World War|WWI|WWII|Great Depression
Holocaust|Olympics|Olympic Games|Winter Olympics|Summer Olympics|Paralympics|World Cup|Super Bowl|Tour de France|Wimbledon
Arab Spring|Orange Revolution|Rose Revolution|Tulip Revolution|Velvet Revolution|French Revolution|Russian Revolution
October Revolution|Industrial Revolution|Cultural Revolution|Iranian Revolution|Vietnam War|Korean War|Gulf War|Iraq War
Civil War|American Civil War|Crimean War|Napoleonic Wars|Six-Day War|Yom Kippur War|Brexit|9/11|September 11|Watergate
Christmas|Easter|Ramadan|Eid|Nowruz|Hanukkah|Thanksgiving|Halloween|New Year|Lunar New Year|Diwali
";

/// Head words that make a name a location, not a GPE.
pub const LOC_HEADS: &str = "\
river|sea|ocean|lake|lakes|mountain|mountains|mount|mt.|range|valley|desert|island|islands|isle|gulf|bay|peninsula|strait
straits|canal|coast|beach|forest|hills|hill|plateau|basin|delta|cape|glacier|park|square|street|st.|avenue|ave.|road|rd.
boulevard|highway|bridge|airport|station|palace|tower|hall|stadium|arena|harbor|harbour|port|falls|reef|steppe|region
";

/// Words that signal an organisation when they end a name.
pub const ORG_HEADS: &str = "\
inc.|inc|corp.|corp|corporation|co.|company|ltd|ltd.|llc|plc|group|bank|university|college|institute|school|academy|agency
ministry|department|committee|commission|council|party|union|association|federation|foundation|society|organization
organisation|office|bureau|court|parliament|assembly|army|navy|forces|police|guard|airlines|airways|news|times|post
journal|press|club|fc|united|team|church|hospital|centre|center|service|services|board|authority|fund|trust|alliance
";

/// Titles and honorifics that precede personal names.
pub const TITLES: &str = "\
mr|mr.|mrs|mrs.|ms|ms.|miss|dr|dr.|prof|prof.|professor|sir|dame|lord|lady|president|vice-president|premier|minister
chancellor|governor|senator|sen.|rep.|representative|congressman|congresswoman|mayor|judge|justice|general|gen.|colonel|col.
captain|capt.|lieutenant|lt.|sergeant|sgt.|major|admiral|commander|marshal|king|queen|prince|princess|emperor|sultan|sheikh
emir|shah|pope|cardinal|bishop|archbishop|rabbi|imam|ayatollah|father|reverend|rev.|saint|st.|chairman|secretary|ambassador
spokesman|spokeswoman|spokesperson|leader|director|ceo|coach|officer|prime|foreign|defence|defense|former|late|deputy
";

/// Common given names from many languages (a hint for PERSON, never a rule).
pub const GIVEN_NAMES: &str = "\
james|john|robert|michael|william|david|richard|joseph|thomas|charles|christopher|daniel|matthew|anthony|mark|donald|steven
paul|andrew|joshua|kenneth|kevin|brian|george|ronald|edward|jason|jeffrey|ryan|jacob|gary|nicholas|eric|jonathan
stephen|larry|justin|scott|brandon|benjamin|samuel|gregory|frank|patrick|raymond|jack|dennis|jerry|tyler|aaron
jose|adam|nathan|henry|douglas|zachary|peter|kyle|ethan|walter|noah|jeremy|christian|keith|roger|terry|gerald|harold|sean
carl|arthur|lawrence|dylan|jesse|jordan|bryan|billy|joe|bruce|gabriel|logan|albert|willie|alan|juan|wayne|elijah
randy|roy|vincent|ralph|eugene|russell|bobby|mason|philip|louis|tom|tim|jim|bob|bill|mike|dave|steve|chris|nick|tony|ben
sam|dan|ian|neil|simon|martin|hugh|colin|graham|gordon|nigel|tony|boris|theresa|margaret|winston|angela|emmanuel|francois
mary|patricia|jennifer|linda|elizabeth|barbara|susan|jessica|sarah|karen|nancy|lisa|betty|helen|sandra|donna|carol|ruth
sharon|michelle|laura|emily|kimberly|deborah|dorothy|amy|melissa|rebecca|stephanie|carolyn|christine|marie|janet|catherine
frances|ann|anne|joyce|diane|alice|julie|heather|teresa|doris|gloria|evelyn|jean|cheryl|katherine|joan|ashley|judith|rose
janice|kelly|nicole|judy|christina|kathy|theresa|beverly|denise|tammy|irene|jane|lori|rachel|marilyn|andrea|kathryn|louise
sara|anna|jacqueline|wanda|bonnie|julia|ruby|lois|tina|phyllis|norma|paula|diana|annie|lillian|emma|olivia|sophia|isabella
hillary|kamala|nancy|condoleezza|madeleine|golda|indira|benazir|aung|jacinda|ursula|christine|kristalina|federica
ivan|sergei|dmitry|dmitri|alexei|alexey|andrei|andrey|mikhail|nikolai|yuri|igor|oleg|pavel|viktor|boris
anatoly|yevgeny|evgeny|gennady|leonid|roman|ruslan|natalia|natalya|olga|tatiana|tatyana|svetlana|irina
elena|yelena|anastasia|maria|ekaterina|galina|lyudmila|volodymyr|petro|oleksandr|vitali|vitaliy|mykola|taras
mohammed|muhammad|mohamed|mohammad|ahmed|ahmad|ali|hassan|hussein|omar|abdul|abdullah|ibrahim|mustafa|khalid|mahmoud
youssef|yusuf|hamid|rashid|saeed|salman|faisal|tariq|nasser|bashar|recep|ahmet|mehmet|fatima|aisha|leila|layla|zainab
zhang|liu|chen|yang|huang|zhao|wu|zhou|deng|mao|jiang|zhu|lin|kim|lee|choi|jung|hiroshi
shinzo|yoshihide|fumio|takeshi|akira|kenji|yuki|narendra|rahul|sonia|manmohan|amit|raj|priya|imran|nawaz|pervez
jean|pierre|jacques|michel|philippe|nicolas|francois|françois|emmanuel|marine|hans|klaus|helmut|gerhard|olaf|angela|friedrich
wolfgang|jurgen|jürgen|heinrich|karl|otto|giuseppe|giovanni|mario|luigi|matteo|silvio|carlos|miguel|luis|pedro|jorge|manuel
antonio|francisco|fernando|javier|ricardo|eduardo|diego|pablo|alejandro|andres|andrés|luiz|inacio|jair|dilma|evo|hugo
nicolas|fidel|raul|raúl|che|recep|kofi|nelson|jacob|cyril|thabo|robert|uhuru|paul|abiy|yoweri|muhammadu|goodluck|ellen
abdel|abdelaziz|abu|adel|akbar|akram|amr|anwar|ashraf|ayman|aziz|bilal|fahd|farid|fouad|hamza|hani|haroun|hisham|jamal|jamil
kamal|khaled|mahmud|majid|malik|marwan|moussa|nabil|naguib|naji|nasir|osama|qasim|rafik|rami|riad|saad|saddam|salah|salim
sami|samir|sharif|tarek|waleed|walid|wasim|yasser|yasir|youssef|zaid|zayed|ziad|abdullahi|chinedu|emeka|kwame|kofi|ngozi|olusegun
jomo|julius|jakaya|thabo|desmond|winnie|graca|samora|kenneth|frederik|pieter|jan|johan|hendrik|willem|dirk|kees|joost|ruud|marco
marcel|bernard|alain|gerard|henri|jean-pierre|jean-claude|jean-marie|jean-luc|laurent|olivier|thierry|yves|didier|edouard|lionel
dominique|ségolène|segolene|arnaud|guillaume|stephane|stéphane|vincent|rene|rené|xavier|fabien|manfred|dieter|horst|rudolf|werner
gunter|günter|uwe|joachim|sigmar|thomas|jens|lars|sven|nils|anders|erik|henrik|magnus|olof|stefan|bjorn|björn|jorgen|mats
niklas|pekka|jari|mika|kimi|sauli|tarja|juha|matti|antti|giulio|romano|massimo|enrico|franco|gianni|paolo|pietro|roberto|sergio
stefano|luca|andrea|alessandro|fabio|gianluca|francesco|giorgio|umberto|vittorio|alberto|alfonso|ignacio|jesus|jesús
mariano|rafael|santiago|sebastian|sebastián|felipe|gustavo|hernan|julio|ernesto|esteban|gabriela|cristina|isabel|lucia|lucía|mercedes
carmen|dolores|pilar|teresa|joao|joão|paulo|fernanda|luisa|marta|zbigniew|lech|aleksander|jaroslaw|jarosław
wojciech|tadeusz|andrzej|krzysztof|piotr|tomasz|marek|vaclav|václav|milos|miloš|slobodan|zoran|goran|dragan|franjo|alija|radovan
ratko|ante|ivica|janez|viktor|gyula|janos|lajos|laszlo|ferenc|nicolae|traian|klaus|emil|todor|georgi|zhivko|andreas|constantine
costas|kostas|nikos|dimitris|giorgos|yannis|alexis|recep|bulent|bülent|tansu|turgut|suleyman|süleyman|ismail|kemal|mesut|ayatollah
akbar|mahmoud|hassan|mohammad-javad|ali-akbar|benjamin|yitzhak|shimon|ehud|ariel|menachem|golda|moshe|avigdor|naftali|yair|benny
atal|manmohan|sonia|indira|rajiv|pranab|pratibha|sushma|arun|sharad|mamata|mayawati|lalu|nitish|yashwant|jaswant|jyoti|sanjay
vijay|sunil|anil|mukesh|ratan|azim|zulfikar|asif|shehbaz|pervez|nawaz|yousaf|hamid|ashraf|burhanuddin|gulbuddin
jiang|zemin|jintao|peng|zhu|rongji|jiabao|deng|xiaoping|zhou|enlai|yat-sen|chiang|kai-shek|lee|kuan|teng-hui|ying-jeou
tsai|kim|dae-jung|young-sam|jong-il|jong-un|il-sung|roh|moo-hyun|geun-hye|chung-hee|lee|myung-bak|jae-in|yoon|suk-yeol
junichiro|ryutaro|tomiichi|keizo|yoshiro|taro|naoto|yukio|yoshihiko|shigeru|kazuo|masako|akihito|naruhito|suharto|sukarno|megawati
susilo|joko|abdurrahman|mahathir|anwar|najib|lee|goh|corazon|fidel|joseph|gloria|benigno|rodrigo|ferdinand|imelda|thaksin|yingluck
prayut|norodom|sihanouk|nguyen|aung|shwe
";
