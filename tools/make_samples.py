#!/usr/bin/env python3
"""Writes src/main/resources/samples/articles.jsonl: the demo's sample articles.

Every text here was written by the team for the demo; none is taken from an outlet. Rerun after
editing the stories: python3 tools/make_samples.py
"""
import json, os

DAYS = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"]

STORIES = [
  # (day index, hour, source, title, body)
  (0, 8, "harbor-times", "US adds Chinese chipmakers to entity list",
   "The US Commerce Department added eleven Chinese chipmakers to the entity list on Monday, tightening export controls on advanced semiconductors. Officials said the companies supplied chips to China's military. Beijing condemned the restrictions and warned of retaliation against American firms."),
  (0, 10, "capital-wire", "China vows response to new US chip curbs",
   "China's commerce ministry said it would respond to the latest US export controls on semiconductor manufacturing equipment. A spokesman accused Washington of abusing national security to contain Chinese technology, and said Beijing would protect the rights of its chipmakers."),
  (0, 12, "east-sea-daily", "Chinese coast guard blocks Philippine resupply mission",
   "A Chinese coast guard ship blocked a Philippine supply boat near Second Thomas Shoal on Monday, Manila said. The Philippine coast guard said the Chinese vessel used a water cannon and came within metres of the boat. Beijing said the Philippines had intruded into Chinese waters in the South China Sea."),
  (0, 14, "steppe-news", "Russian drones strike Kharkiv power station",
   "Russian drones struck a power station in Kharkiv overnight, cutting electricity to thousands of homes, Ukrainian officials said. Ukraine's air force said it shot down most of the drones. President Zelenskyy called on allies to send more air defense systems as Russian forces pressed attacks in the east."),
  (0, 16, "strait-herald", "Chinese warplanes cross median line near Taiwan",
   "Taiwan's defense ministry said 24 Chinese warplanes crossed the median line of the Taiwan Strait on Monday. Beijing said the PLA patrols were a warning to separatist forces in Taipei. Taiwan scrambled jets and deployed missile systems to monitor the Chinese aircraft."),
  (0, 18, "river-post", "Vietnam protests Chinese survey ship in its waters",
   "Vietnam protested on Monday after a Chinese survey ship entered its exclusive economic zone in the South China Sea. Hanoi said the ship, escorted by Chinese coast guard vessels, violated its sovereignty. China said the waters near the Paracel Islands belong to China."),
  (0, 20, "harbor-times", "Pentagon says Chinese spy balloon crossed Alaska",
   "The Pentagon said a Chinese surveillance balloon crossed Alaska on Monday and was tracked by NORAD. Officials said the spy balloon carried equipment to collect intelligence over military sites. Beijing said the airship was a civilian weather craft that had drifted off course."),
  (0, 21, "garden-weekly", "Autumn flower show draws record crowds",
   "The city's autumn flower show drew a record number of visitors this weekend. Gardeners displayed chrysanthemums, dahlias and late roses, and children planted bulbs in the community beds. Organisers said the show would return next year with a larger greenhouse."),

  (1, 7, "capital-wire", "US and China hold military talks in Hawaii",
   "Military officers from the United States and China held talks in Hawaii on Tuesday and agreed to keep open lines of communication. Both sides described the meeting as candid and constructive. Washington and Beijing plan another round of maritime safety consultations next year."),
  (1, 9, "steppe-news", "Russia launches missile barrage at Kyiv",
   "Russia launched a barrage of cruise missiles at Kyiv early on Tuesday, killing four people, Ukrainian officials said. Ukraine's air defenses intercepted most of the missiles. The Kremlin said the strikes targeted military sites, while Kyiv said apartment blocks were hit."),
  (1, 11, "strait-herald", "China begins drills around Taiwan",
   "China began large-scale military drills around Taiwan on Tuesday, sending warships and bombers toward the island. The PLA said the exercises tested its ability to blockade Taiwan. Taipei condemned the drills as intimidation, and the United States urged Beijing to show restraint."),
  (1, 12, "east-sea-daily", "Philippines says Chinese ship rammed its patrol boat",
   "The Philippines said a Chinese coast guard ship rammed one of its patrol boats near Scarborough Shoal on Tuesday. Manila called the collision dangerous and reckless, and the foreign ministry summoned China's ambassador. Beijing accused the Philippine vessel of provocation in the South China Sea."),
  (1, 14, "harbor-times", "US senators press for answers on spy base in Cuba",
   "US senators demanded a classified briefing on Tuesday after reports that China runs a spy base in Cuba. The eavesdropping facility could collect intelligence across the southeastern United States, the senators wrote. Havana denied the reports, and Beijing called them a smear."),
  (1, 15, "baltic-courier", "Ukraine strikes Russian fuel depot with drones",
   "Ukraine said its drones struck a Russian fuel depot in the Bryansk region on Tuesday, starting a large fire. Russia's defense ministry said it shot down dozens of Ukrainian drones. The attacks are part of a campaign against the logistics of Russian forces fighting in Ukraine."),
  (1, 17, "capital-wire", "US imposes sanctions over chip smuggling to China",
   "The United States imposed sanctions on Tuesday on a network accused of smuggling advanced chips to China in breach of export controls. The Treasury said the semiconductors were meant for Chinese military research. China's foreign ministry condemned the sanctions as unilateral bullying."),
  (1, 19, "strait-herald", "Taiwan tracks Chinese warships near Penghu",
   "Taiwan said it tracked nine Chinese warships near the Penghu islands on Tuesday as the PLA drills continued. Taiwan's military said Chinese aircraft simulated strikes on the island. Beijing warned that Taiwan independence means war."),
  (1, 21, "market-journal", "Chip shortage keeps car dealers waiting",
   "A shortage of semiconductor chips has left car dealers with thin stocks for a third month. Dealers said customers wait up to six months for new models. Carmakers expect chip supply to improve next spring as new factories open."),

  (2, 6, "steppe-news", "Russian forces press offensive near Pokrovsk",
   "Russian forces pressed their offensive near Pokrovsk on Wednesday with artillery and glide bombs, Ukraine's military said. Ukrainian troops repelled several attacks but said the shelling was heavy. The Kremlin said its army had taken another village in the Donetsk region."),
  (2, 8, "east-sea-daily", "Chinese maritime militia swarms Philippine-held reef",
   "More than forty Chinese maritime militia vessels gathered near a Philippine-held reef in the Spratly Islands on Wednesday, the Philippine coast guard said. Manila called the swarm a threat to its sovereignty. China said the fishing boats were sheltering from rough seas in the South China Sea."),
  (2, 9, "capital-wire", "Blinken warns Beijing over support for Russia's war",
   "Secretary of State Antony Blinken warned China on Wednesday against supplying drone parts that Russia uses in its war in Ukraine. Washington says Chinese firms have shipped components that end up in Russian missiles. Beijing said it was not a party to the conflict."),
  (2, 11, "harbor-times", "FBI arrests engineer accused of spying for China",
   "The FBI arrested an aerospace engineer on Wednesday on charges of spying for China. Prosecutors said the engineer passed national defense information to Chinese intelligence officers. China's embassy said it knew nothing of the case and rejected the espionage accusations."),
  (2, 13, "strait-herald", "China's coast guard boards Taiwanese fishing boat near Kinmen",
   "China's coast guard boarded a Taiwanese fishing boat near Kinmen on Wednesday and detained its crew. Taiwan called the boarding coercion and demanded the crew's release. Beijing said the boat had entered Chinese waters near the Taiwan Strait."),
  (2, 15, "river-post", "Vietnam and China agree to ease tensions at sea",
   "Vietnam and China agreed on Wednesday to ease tensions in the South China Sea after talks in Hanoi. Both sides said they would resume a hotline between their coast guards and hold further consultations on fishing disputes. Officials described the meeting as constructive."),
  (2, 17, "capital-wire", "US and China agree to resume climate and drug talks",
   "The United States and China agreed on Wednesday to resume talks on climate and fentanyl, officials said after a meeting in Beijing. Both sides welcomed the progress and said they would keep open lines of communication. Washington described the dialogue as candid and productive."),
  (2, 19, "baltic-courier", "Ukraine and Russia swap prisoners",
   "Ukraine and Russia exchanged more than two hundred prisoners of war on Wednesday in a deal brokered by the United Arab Emirates. Kyiv said the talks on further exchanges would continue. The Kremlin confirmed the swap but said peace talks were not on the agenda."),
  (2, 21, "harbor-times", "Weather office launches balloons twice a day",
   "The weather office launches a weather balloon every morning and evening from its station on the hill. Each balloon carries a radiosonde that measures temperature and humidity as it rises. Forecasters said the data feed the models behind the daily forecast."),

  (3, 5, "steppe-news", "Russian missiles hit Odesa port",
   "Russian missiles hit the port of Odesa on Thursday, damaging grain terminals and killing two workers, Ukrainian officials said. Ukraine's air force said it intercepted four of the missiles. Kyiv accused Moscow of attacking food exports, and Russia said it struck military targets."),
  (3, 7, "capital-wire", "China sanctions US defense firms over Taiwan arms sale",
   "China imposed sanctions on Thursday on five US defense companies over an arms sale to Taiwan. Beijing said the weapons sale violated its sovereignty and warned Washington against interfering. The State Department said US support for Taiwan's defense was consistent with long-standing policy."),
  (3, 9, "east-sea-daily", "Philippines and US hold joint patrol in South China Sea",
   "Philippine and US warships held a joint patrol in the South China Sea on Thursday, shadowed by a Chinese navy ship. Manila said the patrol showed its alliance with Washington. Beijing condemned the exercise and said it would defend its sovereignty over the disputed waters."),
  (3, 11, "harbor-times", "US expels Chinese diplomats over espionage",
   "The United States expelled two Chinese diplomats on Thursday over espionage at a military base in Virginia. Officials said the diplomats tried to enter the base to collect intelligence. China called the expulsions an overreaction and promised a response."),
  (3, 13, "baltic-courier", "Russian drone attack cuts power in Zaporizhzhia",
   "A Russian drone attack cut power across the Zaporizhzhia region on Thursday, Ukrainian officials said. Ukraine's forces shot down most of the drones, but one hit a substation. President Zelenskyy said Russia was trying to freeze Ukrainians before winter."),
  (3, 15, "strait-herald", "Taiwan holds air raid drills as Chinese pressure grows",
   "Taiwan held air raid drills across the island on Thursday as Chinese military pressure grew. Officials in Taipei said the PLA had sent more aircraft into Taiwan's air defense identification zone this year than ever before. Beijing called the drills a provocation."),
  (3, 17, "capital-wire", "Washington and Beijing announce new export control talks",
   "Washington and Beijing agreed on Thursday to hold talks on export controls after months of tension over chips. The US Commerce Department said the dialogue would not weaken controls on advanced semiconductors. China's commerce ministry welcomed the talks as constructive."),
  (3, 19, "steppe-news", "Ukraine says Russia massed troops near Kharkiv",
   "Ukraine said on Thursday that Russia had massed troops near the border north of Kharkiv and warned of a new offensive. Ukrainian commanders said their forces were digging new defensive lines. The Kremlin declined to comment on troop movements."),
  (3, 20, "east-sea-daily", "Chinese coast guard fires water cannon at Vietnamese fishermen",
   "A Chinese coast guard ship fired a water cannon at Vietnamese fishing boats near the Paracel Islands on Thursday, Vietnam said. Hanoi condemned the attack and demanded compensation for the fishermen. China said the boats were fishing illegally in Chinese waters in the South China Sea."),
  (3, 21, "market-journal", "Poker night raises money for the library",
   "Residents traded poker chips at the library's casino night until midnight. The chips were later exchanged for raffle tickets, and the evening raised five thousand dollars for new books."),
  (3, 22, "garden-weekly", "Taiwanese night market opens downtown",
   "A Taiwanese night market opened downtown on Thursday with bubble tea, beef noodles and oyster omelettes. The owners, who moved from Taipei last year, said Taiwan's cuisine deserved a wider audience."),
  (0, 9, "river-post", "Japan scrambles jets as Chinese drones fly near Okinawa",
   "Japan scrambled fighter jets on Monday after Chinese military drones flew between Okinawa and Miyako island, Tokyo said. Japan's defense ministry called the flights a threat to regional security. Beijing said its drills were routine and warned Japan against provocation."),
  (0, 13, "steppe-news", "Ukraine says Russian shelling kills three in Kherson",
   "Russian shelling killed three civilians in Kherson on Monday, Ukrainian officials said. Artillery hit a market and a bus stop near the river. Ukraine's forces returned fire at Russian positions on the opposite bank."),
  (0, 17, "capital-wire", "Dutch government limits chip machine exports to China",
   "The Netherlands said on Monday it would require licenses for more chipmaking equipment sold to China, in line with US export controls. The rules cover advanced lithography machines used to make semiconductors. China's commerce ministry said the restrictions would hurt global supply chains."),
  (0, 19, "east-sea-daily", "Philippine coast guard says Chinese ship used laser",
   "The Philippine coast guard said a Chinese coast guard ship pointed a military-grade laser at its crew near Second Thomas Shoal on Monday. Manila called the act dangerous and filed a diplomatic protest. Beijing said the Philippine boat had trespassed in the South China Sea."),
  (1, 8, "baltic-courier", "Ukraine receives new air defense systems from allies",
   "Ukraine received new air defense systems from its allies on Tuesday, the defense ministry in Kyiv said. The systems will protect cities from Russian missiles and drones this winter. Russia warned that Western weapons would prolong the war."),
  (1, 10, "harbor-times", "Cuba denies hosting Chinese listening post",
   "Cuba's foreign ministry on Tuesday denied that China operates a listening post on the island. US officials had said the eavesdropping station gathers intelligence on American military bases. Havana called the reports a fabrication meant to justify the embargo."),
  (1, 13, "strait-herald", "Taiwan's president says island will not bow to Beijing",
   "Taiwan's president said on Tuesday the island would not bow to pressure from Beijing as Chinese drills continued around Taiwan. The president thanked the United States for its support and called on China to stop its military intimidation."),
  (1, 16, "river-post", "China and Vietnam coast guards hold joint patrol",
   "The coast guards of China and Vietnam held a joint patrol in the Gulf of Tonkin on Tuesday, officials said. Both sides said the patrol showed their cooperation and commitment to stability at sea. Hanoi and Beijing agreed to hold more joint patrols next year."),
  (1, 18, "steppe-news", "Kremlin rejects ceasefire proposal",
   "The Kremlin rejected a ceasefire proposal on Tuesday, saying Russia would continue its military operation until its goals in Ukraine were met. Kyiv said the refusal showed Moscow did not want peace and called for more sanctions on Russia."),
  (2, 7, "capital-wire", "US Navy destroyer sails through Taiwan Strait",
   "A US Navy destroyer sailed through the Taiwan Strait on Wednesday, the Seventh Fleet said. China's military said it tracked the ship and called the transit a provocation that threatens peace. Taiwan said the US ship's passage was routine."),
  (2, 10, "east-sea-daily", "Manila and Beijing agree on hotline after collisions",
   "The Philippines and China agreed on Wednesday to set up a hotline between their coast guards after a series of collisions near disputed reefs. Officials said the talks in Manila were frank and constructive. Both sides promised to manage differences in the South China Sea peacefully."),
  (2, 12, "baltic-courier", "Russian glide bombs hit Zaporizhzhia apartments",
   "Russian glide bombs hit apartment blocks in Zaporizhzhia on Wednesday, killing five people, Ukrainian officials said. Rescue teams searched the rubble through the night. Ukraine's president said Russia was waging war on civilians."),
  (2, 16, "harbor-times", "US charges sailors with selling secrets to China",
   "US prosecutors charged two Navy sailors on Wednesday with selling military secrets to Chinese intelligence officers. The sailors are accused of passing information about warships and exercises. China's foreign ministry rejected the espionage accusations as groundless."),
  (2, 18, "capital-wire", "China restricts exports of chip metals after US controls",
   "China announced restrictions on Wednesday on exports of gallium and germanium, metals used in semiconductors, days after new US chip export controls. Washington called the move coercion. Beijing said the restrictions protect China's national security."),
  (3, 6, "river-post", "Australia and Japan condemn Chinese drills near Taiwan",
   "Australia and Japan condemned China's military drills near Taiwan on Thursday and called for restraint. Canberra and Tokyo said the exercises raised tensions across the Taiwan Strait. Beijing said other countries had no right to interfere."),
  (3, 10, "steppe-news", "Ukraine shoots down Russian jet over Donetsk",
   "Ukraine said on Thursday its forces shot down a Russian fighter jet over the Donetsk region. Russia's defense ministry did not comment. Fighting along the front line remained intense as Russian troops pressed attacks near Pokrovsk."),
  (3, 16, "capital-wire", "Pentagon and PLA resume theater commander talks",
   "The Pentagon said on Thursday that US and Chinese theater commanders held their first call in two years and agreed to keep lines of communication open. Both sides described the talks as constructive. Washington and Beijing said the dialogue would reduce the risk of accidents."),
  (3, 18, "market-journal", "Chipmaker opens new plant in Ohio",
   "A chipmaker opened a new semiconductor plant in Ohio on Thursday, creating two thousand jobs. The governor said the factory would make chips for cars and phones. The company plans a second plant next year."),
  (3, 23, "baltic-courier", "Ukrainian club wins the cup final",
   "The Ukrainian football club won the cup final on Thursday evening with a late goal. Fans in Lviv celebrated in the streets, and the coach dedicated the trophy to the supporters."),
]

# Syndicated copies: the same body under another headline and a wire's boilerplate.
COPIES = [
  (0, "copy-of-01", "island-wire", "Washington blacklists Chinese chip firms"),
  (3, "copy-of-04", "northern-wire", "Kharkiv loses power after drone attack"),
  (10, "copy-of-11", "pacific-wire", "PLA exercises encircle Taiwan"),
  (19, "copy-of-20", "global-wire", "Blinken cautions China on Russia's war"),
]

def published(day, hour, minute=0):
    return f"{DAYS[day]}T{hour:02d}:{minute:02d}:00Z"

def main():
    articles = []
    for n, (day, hour, source, title, body) in enumerate(STORIES, start=1):
        articles.append({"id": f"sample-{n:02d}", "title": title, "body": body, "source": source,
                         "url": f"https://{source}.example/{DAYS[day]}/{n:02d}", "published": published(day, hour)})
    for index, copy_id, source, title in COPIES:
        original = articles[index]
        day = DAYS.index(original["published"][:10])
        hour = int(original["published"][11:13])
        body = source.upper().replace("-", " ") + " \u2014 " + original["body"] + "\nCopyright 2026 " + source + ". All rights reserved."
        articles.append({"id": copy_id, "title": title, "body": body, "source": source,
                         "url": f"https://{source}.example/{copy_id}", "published": published(day, hour, 40)})
    articles.sort(key=lambda a: a["published"])
    out = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "samples", "articles.jsonl")
    with open(out, "w") as f:
        for article in articles:
            f.write(json.dumps(article, ensure_ascii=False) + "\n")
    print(f"wrote {len(articles)} articles to {os.path.normpath(out)}")

main()
