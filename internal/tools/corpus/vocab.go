package corpus

import (
	"fmt"
	"strings"
	"sync"
)

// Noun and adjective forms, in this order on every line of nounTable and
// adjTable: nominative, genitive, partitive, inessive, elative, illative,
// adessive, plural nominative, plural genitive, plural partitive.
const (
	nom = iota
	gen
	part
	ine
	ela
	ill
	ade
	plnom
	plgen
	plpart
	numCases
)

var caseNames = map[string]int{
	"nom": nom, "gen": gen, "part": part, "ine": ine, "ela": ela, "ill": ill,
	"ade": ade, "plnom": plnom, "plgen": plgen, "plpart": plpart,
}

// nounTable holds the field's nouns, one per line, in the ten forms above.
// A line starting with "v " is also a verbal noun usable in titles
// ("Tavoitteen määrittely verkostossa").
const nounTable = `
verkosto verkoston verkostoa verkostossa verkostosta verkostoon verkostolla verkostot verkostojen verkostoja
v johtaminen johtamisen johtamista johtamisessa johtamisesta johtamiseen johtamisella johtamiset johtamisten johtamisia
työhyvinvointi työhyvinvoinnin työhyvinvointia työhyvinvoinnissa työhyvinvoinnista työhyvinvointiin työhyvinvoinnilla työhyvinvoinnit työhyvinvointien työhyvinvointeja
hyvinvointi hyvinvoinnin hyvinvointia hyvinvoinnissa hyvinvoinnista hyvinvointiin hyvinvoinnilla hyvinvoinnit hyvinvointien hyvinvointeja
esihenkilö esihenkilön esihenkilöä esihenkilössä esihenkilöstä esihenkilöön esihenkilöllä esihenkilöt esihenkilöiden esihenkilöitä
luottamus luottamuksen luottamusta luottamuksessa luottamuksesta luottamukseen luottamuksella luottamukset luottamusten luottamuksia
työkyky työkyvyn työkykyä työkyvyssä työkyvystä työkykyyn työkyvyllä työkyvyt työkykyjen työkykyjä
tapa tavan tapaa tavassa tavasta tapaan tavalla tavat tapojen tapoja
tavoite tavoitteen tavoitetta tavoitteessa tavoitteesta tavoitteeseen tavoitteella tavoitteet tavoitteiden tavoitteita
yhteistyö yhteistyön yhteistyötä yhteistyössä yhteistyöstä yhteistyöhön yhteistyöllä yhteistyöt yhteistöiden yhteistöitä
asiakas asiakkaan asiakasta asiakkaassa asiakkaasta asiakkaaseen asiakkaalla asiakkaat asiakkaiden asiakkaita
työntekijä työntekijän työntekijää työntekijässä työntekijästä työntekijään työntekijällä työntekijät työntekijöiden työntekijöitä
organisaatio organisaation organisaatiota organisaatiossa organisaatiosta organisaatioon organisaatiolla organisaatiot organisaatioiden organisaatioita
palvelu palvelun palvelua palvelussa palvelusta palveluun palvelulla palvelut palvelujen palveluja
v kehittäminen kehittämisen kehittämistä kehittämisessä kehittämisestä kehittämiseen kehittämisellä kehittämiset kehittämisten kehittämisiä
v arviointi arvioinnin arviointia arvioinnissa arvioinnista arviointiin arvioinnilla arvioinnit arviointien arviointeja
osallisuus osallisuuden osallisuutta osallisuudessa osallisuudesta osallisuuteen osallisuudella osallisuudet osallisuuksien osallisuuksia
vuorovaikutus vuorovaikutuksen vuorovaikutusta vuorovaikutuksessa vuorovaikutuksesta vuorovaikutukseen vuorovaikutuksella vuorovaikutukset vuorovaikutusten vuorovaikutuksia
tiimi tiimin tiimiä tiimissä tiimistä tiimiin tiimillä tiimit tiimien tiimejä
kokous kokouksen kokousta kokouksessa kokouksesta kokoukseen kokouksella kokoukset kokousten kokouksia
muutos muutoksen muutosta muutoksessa muutoksesta muutokseen muutoksella muutokset muutosten muutoksia
osaaminen osaamisen osaamista osaamisessa osaamisesta osaamiseen osaamisella osaamiset osaamisten osaamisia
toimintatapa toimintatavan toimintatapaa toimintatavassa toimintatavasta toimintatapaan toimintatavalla toimintatavat toimintatapojen toimintatapoja
keskustelu keskustelun keskustelua keskustelussa keskustelusta keskusteluun keskustelulla keskustelut keskustelujen keskusteluja
palaute palautteen palautetta palautteessa palautteesta palautteeseen palautteella palautteet palautteiden palautteita
kokemus kokemuksen kokemusta kokemuksessa kokemuksesta kokemukseen kokemuksella kokemukset kokemusten kokemuksia
hanke hankkeen hanketta hankkeessa hankkeesta hankkeeseen hankkeella hankkeet hankkeiden hankkeita
kumppani kumppanin kumppania kumppanissa kumppanista kumppaniin kumppanilla kumppanit kumppaneiden kumppaneita
päätös päätöksen päätöstä päätöksessä päätöksestä päätökseen päätöksellä päätökset päätösten päätöksiä
päätöksenteko päätöksenteon päätöksentekoa päätöksenteossa päätöksenteosta päätöksentekoon päätöksenteolla päätöksenteot päätöksentekojen päätöksentekoja
työyhteisö työyhteisön työyhteisöä työyhteisössä työyhteisöstä työyhteisöön työyhteisöllä työyhteisöt työyhteisöjen työyhteisöjä
ohjaus ohjauksen ohjausta ohjauksessa ohjauksesta ohjaukseen ohjauksella ohjaukset ohjausten ohjauksia
työnohjaus työnohjauksen työnohjausta työnohjauksessa työnohjauksesta työnohjaukseen työnohjauksella työnohjaukset työnohjausten työnohjauksia
etätyö etätyön etätyötä etätyössä etätyöstä etätyöhön etätyöllä etätyöt etätöiden etätöitä
vastuu vastuun vastuuta vastuussa vastuusta vastuuseen vastuulla vastuut vastuiden vastuita
rooli roolin roolia roolissa roolista rooliin roolilla roolit roolien rooleja
prosessi prosessin prosessia prosessissa prosessista prosessiin prosessilla prosessit prosessien prosesseja
käytäntö käytännön käytäntöä käytännössä käytännöstä käytäntöön käytännöllä käytännöt käytäntöjen käytäntöjä
tieto tiedon tietoa tiedossa tiedosta tietoon tiedolla tiedot tietojen tietoja
menetelmä menetelmän menetelmää menetelmässä menetelmästä menetelmään menetelmällä menetelmät menetelmien menetelmiä
työkalu työkalun työkalua työkalussa työkalusta työkaluun työkalulla työkalut työkalujen työkaluja
vinkki vinkin vinkkiä vinkissä vinkistä vinkkiin vinkillä vinkit vinkkien vinkkejä
kunta kunnan kuntaa kunnassa kunnasta kuntaan kunnalla kunnat kuntien kuntia
hyvinvointialue hyvinvointialueen hyvinvointialuetta hyvinvointialueessa hyvinvointialueesta hyvinvointialueeseen hyvinvointialueella hyvinvointialueet hyvinvointialueiden hyvinvointialueita
sote-organisaatio sote-organisaation sote-organisaatiota sote-organisaatiossa sote-organisaatiosta sote-organisaatioon sote-organisaatiolla sote-organisaatiot sote-organisaatioiden sote-organisaatioita
ammattilainen ammattilaisen ammattilaista ammattilaisessa ammattilaisesta ammattilaiseen ammattilaisella ammattilaiset ammattilaisten ammattilaisia
johtaja johtajan johtajaa johtajassa johtajasta johtajaan johtajalla johtajat johtajien johtajia
henkilöstö henkilöstön henkilöstöä henkilöstössä henkilöstöstä henkilöstöön henkilöstöllä henkilöstöt henkilöstöjen henkilöstöjä
perhe perheen perhettä perheessä perheestä perheeseen perheellä perheet perheiden perheitä
lapsi lapsen lasta lapsessa lapsesta lapseen lapsella lapset lasten lapsia
nuori nuoren nuorta nuoressa nuoresta nuoreen nuorella nuoret nuorten nuoria
ikäihminen ikäihmisen ikäihmistä ikäihmisessä ikäihmisestä ikäihmiseen ikäihmisellä ikäihmiset ikäihmisten ikäihmisiä
kuntoutus kuntoutuksen kuntoutusta kuntoutuksessa kuntoutuksesta kuntoutukseen kuntoutuksella kuntoutukset kuntoutusten kuntoutuksia
hoitotyö hoitotyön hoitotyötä hoitotyössä hoitotyöstä hoitotyöhön hoitotyöllä hoitotyöt hoitotöiden hoitotöitä
työpaikka työpaikan työpaikkaa työpaikassa työpaikasta työpaikkaan työpaikalla työpaikat työpaikkojen työpaikkoja
työ työn työtä työssä työstä työhön työllä työt töiden töitä
aika ajan aikaa ajassa ajasta aikaan ajalla ajat aikojen aikoja
resurssi resurssin resurssia resurssissa resurssista resurssiin resurssilla resurssit resurssien resursseja
kuormitus kuormituksen kuormitusta kuormituksessa kuormituksesta kuormitukseen kuormituksella kuormitukset kuormitusten kuormituksia
jaksaminen jaksamisen jaksamista jaksamisessa jaksamisesta jaksamiseen jaksamisella jaksamiset jaksamisten jaksamisia
turvallisuus turvallisuuden turvallisuutta turvallisuudessa turvallisuudesta turvallisuuteen turvallisuudella turvallisuudet turvallisuuksien turvallisuuksia
viestintä viestinnän viestintää viestinnässä viestinnästä viestintään viestinnällä viestinnät viestintöjen viestintöjä
tilanne tilanteen tilannetta tilanteessa tilanteesta tilanteeseen tilanteella tilanteet tilanteiden tilanteita
kysymys kysymyksen kysymystä kysymyksessä kysymyksestä kysymykseen kysymyksellä kysymykset kysymysten kysymyksiä
ratkaisu ratkaisun ratkaisua ratkaisussa ratkaisusta ratkaisuun ratkaisulla ratkaisut ratkaisujen ratkaisuja
tulos tuloksen tulosta tuloksessa tuloksesta tulokseen tuloksella tulokset tulosten tuloksia
mittari mittarin mittaria mittarissa mittarista mittariin mittarilla mittarit mittarien mittareita
kysely kyselyn kyselyä kyselyssä kyselystä kyselyyn kyselyllä kyselyt kyselyjen kyselyjä
suunnitelma suunnitelman suunnitelmaa suunnitelmassa suunnitelmasta suunnitelmaan suunnitelmalla suunnitelmat suunnitelmien suunnitelmia
sopimus sopimuksen sopimusta sopimuksessa sopimuksesta sopimukseen sopimuksella sopimukset sopimusten sopimuksia
strategia strategian strategiaa strategiassa strategiasta strategiaan strategialla strategiat strategioiden strategioita
visio vision visiota visiossa visiosta visioon visiolla visiot visioiden visioita
arvo arvon arvoa arvossa arvosta arvoon arvolla arvot arvojen arvoja
kulttuuri kulttuurin kulttuuria kulttuurissa kulttuurista kulttuuriin kulttuurilla kulttuurit kulttuurien kulttuureja
oppiminen oppimisen oppimista oppimisessa oppimisesta oppimiseen oppimisella oppimiset oppimisten oppimisia
koulutus koulutuksen koulutusta koulutuksessa koulutuksesta koulutukseen koulutuksella koulutukset koulutusten koulutuksia
perehdytys perehdytyksen perehdytystä perehdytyksessä perehdytyksestä perehdytykseen perehdytyksellä perehdytykset perehdytysten perehdytyksiä
mentorointi mentoroinnin mentorointia mentoroinnissa mentoroinnista mentorointiin mentoroinnilla mentoroinnit mentorointien mentorointeja
työpaja työpajan työpajaa työpajassa työpajasta työpajaan työpajalla työpajat työpajojen työpajoja
v fasilitointi fasilitoinnin fasilitointia fasilitoinnissa fasilitoinnista fasilitointiin fasilitoinnilla fasilitoinnit fasilitointien fasilitointeja
dialogi dialogin dialogia dialogissa dialogista dialogiin dialogilla dialogit dialogien dialogeja
kohtaaminen kohtaamisen kohtaamista kohtaamisessa kohtaamisesta kohtaamiseen kohtaamisella kohtaamiset kohtaamisten kohtaamisia
yhteys yhteyden yhteyttä yhteydessä yhteydestä yhteyteen yhteydellä yhteydet yhteyksien yhteyksiä
rakenne rakenteen rakennetta rakenteessa rakenteesta rakenteeseen rakenteella rakenteet rakenteiden rakenteita
toimija toimijan toimijaa toimijassa toimijasta toimijaan toimijalla toimijat toimijoiden toimijoita
sidosryhmä sidosryhmän sidosryhmää sidosryhmässä sidosryhmästä sidosryhmään sidosryhmällä sidosryhmät sidosryhmien sidosryhmiä
järjestö järjestön järjestöä järjestössä järjestöstä järjestöön järjestöllä järjestöt järjestöjen järjestöjä
koordinaattori koordinaattorin koordinaattoria koordinaattorissa koordinaattorista koordinaattoriin koordinaattorilla koordinaattorit koordinaattoreiden koordinaattoreita
työnjako työnjaon työnjakoa työnjaossa työnjaosta työnjakoon työnjaolla työnjaot työnjakojen työnjakoja
sitoutuminen sitoutumisen sitoutumista sitoutumisessa sitoutumisesta sitoutumiseen sitoutumisella sitoutumiset sitoutumisten sitoutumisia
motivaatio motivaation motivaatiota motivaatiossa motivaatiosta motivaatioon motivaatiolla motivaatiot motivaatioiden motivaatioita
voimavara voimavaran voimavaraa voimavarassa voimavarasta voimavaraan voimavaralla voimavarat voimavarojen voimavaroja
haaste haasteen haastetta haasteessa haasteesta haasteeseen haasteella haasteet haasteiden haasteita
mahdollisuus mahdollisuuden mahdollisuutta mahdollisuudessa mahdollisuudesta mahdollisuuteen mahdollisuudella mahdollisuudet mahdollisuuksien mahdollisuuksia
ymmärrys ymmärryksen ymmärrystä ymmärryksessä ymmärryksestä ymmärrykseen ymmärryksellä ymmärrykset ymmärrysten ymmärryksiä
näkökulma näkökulman näkökulmaa näkökulmassa näkökulmasta näkökulmaan näkökulmalla näkökulmat näkökulmien näkökulmia
asiantuntija asiantuntijan asiantuntijaa asiantuntijassa asiantuntijasta asiantuntijaan asiantuntijalla asiantuntijat asiantuntijoiden asiantuntijoita
kehittämistyö kehittämistyön kehittämistyötä kehittämistyössä kehittämistyöstä kehittämistyöhön kehittämistyöllä kehittämistyöt kehittämistöiden kehittämistöitä
vaikuttavuus vaikuttavuuden vaikuttavuutta vaikuttavuudessa vaikuttavuudesta vaikuttavuuteen vaikuttavuudella vaikuttavuudet vaikuttavuuksien vaikuttavuuksia
laatu laadun laatua laadussa laadusta laatuun laadulla laadut laatujen laatuja
v kirjaaminen kirjaamisen kirjaamista kirjaamisessa kirjaamisesta kirjaamiseen kirjaamisella kirjaamiset kirjaamisten kirjaamisia
v ennakointi ennakoinnin ennakointia ennakoinnissa ennakoinnista ennakointiin ennakoinnilla ennakoinnit ennakointien ennakointeja
työnkuva työnkuvan työnkuvaa työnkuvassa työnkuvasta työnkuvaan työnkuvalla työnkuvat työnkuvien työnkuvia
jatkuvuus jatkuvuuden jatkuvuutta jatkuvuudessa jatkuvuudesta jatkuvuuteen jatkuvuudella jatkuvuudet jatkuvuuksien jatkuvuuksia
esimerkki esimerkin esimerkkiä esimerkissä esimerkistä esimerkkiin esimerkillä esimerkit esimerkkien esimerkkejä
vaihe vaiheen vaihetta vaiheessa vaiheesta vaiheeseen vaiheella vaiheet vaiheiden vaiheita
askel askeleen askelta askeleessa askeleesta askeleeseen askeleella askeleet askeleiden askeleita
kieli kielen kieltä kielessä kielestä kieleen kielellä kielet kielten kieliä
tunne tunteen tunnetta tunteessa tunteesta tunteeseen tunteella tunteet tunteiden tunteita
arki arjen arkea arjessa arjesta arkeen arjella arjet arkien arkia
käsitys käsityksen käsitystä käsityksessä käsityksestä käsitykseen käsityksellä käsitykset käsitysten käsityksiä
tuki tuen tukea tuessa tuesta tukeen tuella tuet tukien tukia
yhteisö yhteisön yhteisöä yhteisössä yhteisöstä yhteisöön yhteisöllä yhteisöt yhteisöjen yhteisöjä
ilmapiiri ilmapiirin ilmapiiriä ilmapiirissä ilmapiiristä ilmapiiriin ilmapiirillä ilmapiirit ilmapiirien ilmapiirejä
neuvottelu neuvottelun neuvottelua neuvottelussa neuvottelusta neuvotteluun neuvottelulla neuvottelut neuvottelujen neuvotteluja
v määrittely määrittelyn määrittelyä määrittelyssä määrittelystä määrittelyyn määrittelyllä määrittelyt määrittelyjen määrittelyjä
v suunnittelu suunnittelun suunnittelua suunnittelussa suunnittelusta suunnitteluun suunnittelulla suunnittelut suunnittelujen suunnitteluja
v seuranta seurannan seurantaa seurannassa seurannasta seurantaan seurannalla seurannat seurantojen seurantoja
raportti raportin raporttia raportissa raportista raporttiin raportilla raportit raporttien raportteja
sote-keskus sote-keskuksen sote-keskusta sote-keskuksessa sote-keskuksesta sote-keskukseen sote-keskuksella sote-keskukset sote-keskusten sote-keskuksia
asiakaslähtöisyys asiakaslähtöisyyden asiakaslähtöisyyttä asiakaslähtöisyydessä asiakaslähtöisyydestä asiakaslähtöisyyteen asiakaslähtöisyydellä asiakaslähtöisyydet asiakaslähtöisyyksien asiakaslähtöisyyksiä
palveluketju palveluketjun palveluketjua palveluketjussa palveluketjusta palveluketjuun palveluketjulla palveluketjut palveluketjujen palveluketjuja
moniammatillisuus moniammatillisuuden moniammatillisuutta moniammatillisuudessa moniammatillisuudesta moniammatillisuuteen moniammatillisuudella moniammatillisuudet moniammatillisuuksien moniammatillisuuksia
verkostojohtaminen verkostojohtamisen verkostojohtamista verkostojohtamisessa verkostojohtamisesta verkostojohtamiseen verkostojohtamisella verkostojohtamiset verkostojohtamisten verkostojohtamisia
v vahvistaminen vahvistamisen vahvistamista vahvistamisessa vahvistamisesta vahvistamiseen vahvistamisella vahvistamiset vahvistamisten vahvistamisia
v tukeminen tukemisen tukemista tukemisessa tukemisesta tukemiseen tukemisella tukemiset tukemisten tukemisia
v rakentaminen rakentamisen rakentamista rakentamisessa rakentamisesta rakentamiseen rakentamisella rakentamiset rakentamisten rakentamisia
`

// verbTable holds verbs in six forms: infinitive, 3rd person singular and
// plural present, passive present, 3rd person singular past, and the
// connegative used after "ei".
const verbTable = `
tukea tukee tukevat tuetaan tuki tue
vahvistaa vahvistaa vahvistavat vahvistetaan vahvisti vahvista
kehittää kehittää kehittävät kehitetään kehitti kehitä
edistää edistää edistävät edistetään edisti edistä
lisätä lisää lisäävät lisätään lisäsi lisää
parantaa parantaa parantavat parannetaan paransi paranna
rakentaa rakentaa rakentavat rakennetaan rakensi rakenna
selkeyttää selkeyttää selkeyttävät selkeytetään selkeytti selkeytä
arvioida arvioi arvioivat arvioidaan arvioi arvioi
jakaa jakaa jakavat jaetaan jakoi jaa
käsitellä käsittelee käsittelevät käsitellään käsitteli käsittele
johtaa johtaa johtavat johdetaan johti johda
ohjata ohjaa ohjaavat ohjataan ohjasi ohjaa
koota kokoaa kokoavat kootaan kokosi kokoa
luoda luo luovat luodaan loi luo
tunnistaa tunnistaa tunnistavat tunnistetaan tunnisti tunnista
huomioida huomioi huomioivat huomioidaan huomioi huomioi
varmistaa varmistaa varmistavat varmistetaan varmisti varmista
mahdollistaa mahdollistaa mahdollistavat mahdollistetaan mahdollisti mahdollista
helpottaa helpottaa helpottavat helpotetaan helpotti helpota
vähentää vähentää vähentävät vähennetään vähensi vähennä
ylläpitää ylläpitää ylläpitävät ylläpidetään ylläpiti ylläpidä
muuttaa muuttaa muuttavat muutetaan muutti muuta
kuvata kuvaa kuvaavat kuvataan kuvasi kuvaa
seurata seuraa seuraavat seurataan seurasi seuraa
suunnitella suunnittelee suunnittelevat suunnitellaan suunnitteli suunnittele
toteuttaa toteuttaa toteuttavat toteutetaan toteutti toteuta
hyödyntää hyödyntää hyödyntävät hyödynnetään hyödynsi hyödynnä
kuunnella kuuntelee kuuntelevat kuunnellaan kuunteli kuuntele
ymmärtää ymmärtää ymmärtävät ymmärretään ymmärsi ymmärrä
sitouttaa sitouttaa sitouttavat sitoutetaan sitoutti sitouta
osallistaa osallistaa osallistavat osallistetaan osallisti osallista
jäsentää jäsentää jäsentävät jäsennetään jäsensi jäsennä
tarkastella tarkastelee tarkastelevat tarkastellaan tarkasteli tarkastele
kirjata kirjaa kirjaavat kirjataan kirjasi kirjaa
rohkaista rohkaisee rohkaisevat rohkaistaan rohkaisi rohkaise
uudistaa uudistaa uudistavat uudistetaan uudisti uudista
ratkaista ratkaisee ratkaisevat ratkaistaan ratkaisi ratkaise
`

const (
	vInf = iota
	v3sg
	v3pl
	vPass
	vPast
	vNeg
	numVerbForms
)

var verbFormNames = map[string]int{
	"inf": vInf, "3sg": v3sg, "3pl": v3pl, "pass": vPass, "past": vPast, "neg": vNeg,
}

// adjTable holds adjectives in the same ten forms as nounTable.
const adjTable = `
yhteinen yhteisen yhteistä yhteisessä yhteisestä yhteiseen yhteisellä yhteiset yhteisten yhteisiä
selkeä selkeän selkeää selkeässä selkeästä selkeään selkeällä selkeät selkeiden selkeitä
hyvä hyvän hyvää hyvässä hyvästä hyvään hyvällä hyvät hyvien hyviä
uusi uuden uutta uudessa uudesta uuteen uudella uudet uusien uusia
avoin avoimen avointa avoimessa avoimesta avoimeen avoimella avoimet avoimien avoimia
toimiva toimivan toimivaa toimivassa toimivasta toimivaan toimivalla toimivat toimivien toimivia
pitkäjänteinen pitkäjänteisen pitkäjänteistä pitkäjänteisessä pitkäjänteisestä pitkäjänteiseen pitkäjänteisellä pitkäjänteiset pitkäjänteisten pitkäjänteisiä
moniammatillinen moniammatillisen moniammatillista moniammatillisessa moniammatillisesta moniammatilliseen moniammatillisella moniammatilliset moniammatillisten moniammatillisia
asiakaslähtöinen asiakaslähtöisen asiakaslähtöistä asiakaslähtöisessä asiakaslähtöisestä asiakaslähtöiseen asiakaslähtöisellä asiakaslähtöiset asiakaslähtöisten asiakaslähtöisiä
käytännöllinen käytännöllisen käytännöllistä käytännöllisessä käytännöllisestä käytännölliseen käytännöllisellä käytännölliset käytännöllisten käytännöllisiä
tärkeä tärkeän tärkeää tärkeässä tärkeästä tärkeään tärkeällä tärkeät tärkeiden tärkeitä
keskeinen keskeisen keskeistä keskeisessä keskeisestä keskeiseen keskeisellä keskeiset keskeisten keskeisiä
luotettava luotettavan luotettavaa luotettavassa luotettavasta luotettavaan luotettavalla luotettavat luotettavien luotettavia
turvallinen turvallisen turvallista turvallisessa turvallisesta turvalliseen turvallisella turvalliset turvallisten turvallisia
kestävä kestävän kestävää kestävässä kestävästä kestävään kestävällä kestävät kestävien kestäviä
jaettu jaetun jaettua jaetussa jaetusta jaettuun jaetulla jaetut jaettujen jaettuja
säännöllinen säännöllisen säännöllistä säännöllisessä säännöllisestä säännölliseen säännöllisellä säännölliset säännöllisten säännöllisiä
vaikuttava vaikuttavan vaikuttavaa vaikuttavassa vaikuttavasta vaikuttavaan vaikuttavalla vaikuttavat vaikuttavien vaikuttavia
osallistava osallistavan osallistavaa osallistavassa osallistavasta osallistavaan osallistavalla osallistavat osallistavien osallistavia
sujuva sujuvan sujuvaa sujuvassa sujuvasta sujuvaan sujuvalla sujuvat sujuvien sujuvia
vastuullinen vastuullisen vastuullista vastuullisessa vastuullisesta vastuulliseen vastuullisella vastuulliset vastuullisten vastuullisia
eettinen eettisen eettistä eettisessä eettisestä eettiseen eettisellä eettiset eettisten eettisiä
arvostava arvostavan arvostavaa arvostavassa arvostavasta arvostavaan arvostavalla arvostavat arvostavien arvostavia
paikallinen paikallisen paikallista paikallisessa paikallisesta paikalliseen paikallisella paikalliset paikallisten paikallisia
alueellinen alueellisen alueellista alueellisessa alueellisesta alueelliseen alueellisella alueelliset alueellisten alueellisia
psykologinen psykologisen psykologista psykologisessa psykologisesta psykologiseen psykologisella psykologiset psykologisten psykologisia
monipuolinen monipuolisen monipuolista monipuolisessa monipuolisesta monipuoliseen monipuolisella monipuoliset monipuolisten monipuolisia
joustava joustavan joustavaa joustavassa joustavasta joustavaan joustavalla joustavat joustavien joustavia
konkreettinen konkreettisen konkreettista konkreettisessa konkreettisesta konkreettiseen konkreettisella konkreettiset konkreettisten konkreettisia
digitaalinen digitaalisen digitaalista digitaalisessa digitaalisesta digitaaliseen digitaalisella digitaaliset digitaalisten digitaalisia
`

// adverbs and postpositions (taking the genitive) are not inflected.
var (
	adverbs = strings.Fields(`usein yhdessä säännöllisesti avoimesti käytännössä erityisesti myös
		aina vähitellen selkeästi tietoisesti jatkuvasti ensin lopuksi lisäksi toisaalta silti nopeasti
		hyvin rauhassa`)
	postpositions = strings.Fields(`kanssa avulla kautta aikana jälkeen myötä tueksi osalta sijaan
		puolesta näkökulmasta`)
	// compoundPrefixes are joined to a simple noun to make compounds such as
	// verkostojohtaminen, etätyönohjaus and sote-organisaatio.
	compoundPrefixes = strings.Fields(`työ työn verkosto asiakas palvelu yhteistyö kehittämis
		johtamis hyvinvointi sote etä etätyön tiimi perhe kunta hanke osaamis arviointi muutos
		esihenkilö`)
)

// sentenceTemplates are filled slot by slot: {N.case} a noun, {NP.case} an
// optional adjective and a noun in the same case, {A.case} an adjective,
// {V.form} a verb, {D} an adverb, {P} a postposition.
var sentenceTemplates = []string{
	"{NP.nom} {V.3sg} {NP.part}.",
	"{D} {NP.plnom} {V.3pl} {N.gen} {N.part}.",
	"{N.ine} {V.pass} {NP.part} {N.gen} {P}.",
	"Kun {N.nom} {V.3sg} {N.part}, myös {N.nom} {V.3sg} {D}.",
	"{N.ade} on tärkeää {V.inf} {NP.part} ja {N.part}.",
	"Esimerkiksi {N.ine} {V.past} {NP.nom} {N.ela}.",
	"{N.gen} {N.nom} on {A.nom} {N.nom}, joka {V.3sg} {N.part}.",
	"Jos {N.nom} ei {V.neg} {N.part}, {N.nom} {V.3sg} {N.ela} {D}.",
	"{NP.plnom} kertovat, että {N.nom} {V.3sg} {NP.part} {N.ine}.",
	"{D} kannattaa {V.inf} {NP.part} {N.gen} {P}.",
	"{N.gen} näkökulmasta {N.nom} on {A.nom} ja {A.nom}.",
	"Tavoitteena on {V.inf} {NP.part} ja {V.inf} {N.part} {N.ine}.",
	"{NP.plgen} {N.nom} {V.3sg} {N.ill}.",
	"{N.ine} {N.nom} {V.pass} {D} {N.gen} {P}.",
	"Hyvä käytäntö on {V.inf} {N.part} {N.gen} kanssa.",
	"{N.nom} ja {N.nom} {V.3pl} yhdessä {NP.part}.",
	"Miten {N.ine} voidaan {V.inf} {N.part}?",
	"{NP.ela} {V.pass} {A.part} {N.part} {N.gen} tueksi.",
	"{D} {N.ade} on {A.nom} {N.nom} {N.ine}.",
	"Ilman {N.part} {N.nom} ei {V.neg} {N.part}.",
	"{N.plnom} ja {N.plnom} {V.3pl} {N.part} {D}.",
	"{NP.gen} avulla {N.nom} {V.3sg} {N.part} ja {N.part}.",
	"Se {V.3sg} {N.part} ja {V.3sg} {NP.part}.",
	"{A.nom} {N.nom} syntyy {N.ela} ja {N.ela}.",
	"Tämä {V.3sg} {N.part} erityisesti {N.ine}.",
	"{N.ine} {N.plnom} {V.3pl} {N.gen} {N.part} {D}.",
	"On hyvä {V.inf} {N.part} jo {N.gen} {P}.",
	"{N.gen} {N.nom} ja {N.gen} {N.nom} {V.3pl} toisiaan.",
	"{NP.ine} {N.nom} {V.pass} {N.plgen} kanssa.",
	"{D} {N.nom} {V.past} {N.part}, ja {N.plnom} {V.3pl} {NP.part}.",
}

// listItemTemplates are short phrases for bullet lists.
var listItemTemplates = []string{
	"{NP.nom} {N.ine}",
	"{N.gen} {N.nom} ja {N.nom}",
	"{V.inf} {NP.part}",
	"{A.nom} {N.nom}",
	"{N.plgen} {N.nom} {N.ine}",
	"{NP.nom} {N.gen} {P}",
	"{N.nom} {V.3sg} {N.part}",
}

// stepTemplates are imperative-looking steps for numbered lists.
var stepTemplates = []string{
	"{V.neg} {NP.part} {N.gen} kanssa.",
	"{V.neg} {N.part} {D}.",
	"{V.neg} {N.gen} {N.nom} {N.ine}.",
	"Sopikaa {N.ela} ja {N.ela}.",
	"{V.neg} {NP.part} ja kirjatkaa {N.plnom}.",
}

// headingTemplates are the pearl body's "##" headings.
var headingTemplates = []string{
	"Mistä on kyse?",
	"Näin pääset alkuun",
	"Vinkit käytäntöön",
	"Mitä hyötyä?",
	"Kenelle?",
	"{N.nom} {N.ine}",
	"{NP.nom}",
	"{N.gen} {N.nom}",
	"Miten {N.nom} {V.pass}?",
	"{N.plnom} ja {N.plnom}",
	"{A.nom} {N.nom} {N.gen} tukena",
}

// titleTemplates make pearl and case titles; {VN.case} is a verbal noun.
var titleTemplates = []string{
	"{N.gen} {VN.nom} {N.ine}",
	"{NP.nom} {N.ine}",
	"{N.plgen} {VN.nom}",
	"Näin {V.pass} {NP.nom}",
	"{A.nom} {N.nom} {N.gen} tukena",
	"{N.nom} ja {N.nom} {N.ine}",
	"{N.gen} {VN.nom} {N.gen} kanssa",
	"Miten {V.inf} {N.part} {N.ine}?",
}

// tagList is the fixed list of tags pearls draw from.
var tagList = strings.Fields(`verkostot johtaminen työhyvinvointi luottamus esihenkilötyö
	vuorovaikutus tavoitteet arviointi osallisuus asiakaslähtöisyys moniammatillisuus kehittäminen
	muutos viestintä kokoukset fasilitointi palaute työkyky jaksaminen perehdytys osaaminen oppiminen
	etätyö työnohjaus sopimukset päätöksenteko strategia vastuut roolit yhteistyö kumppanuus mittarit
	vaikuttavuus laatu dialogi turvallisuus kuormitus ennakointi sote-uudistus hyvinvointialueet`)

var projectList = []string{
	"SoteDialogit", "VerkostoVoima", "Työkaari", "Hyvä Arki", "Johtamisen Polku", "LähiTuki",
	"Yhdessä eteenpäin", "KumppanuusLab",
}

var organizations = []string{
	"Tampereen kaupunki", "Pirkanmaan hyvinvointialue", "Oulun kaupunki",
	"Pohjois-Savon hyvinvointialue", "Helsingin kaupunki", "Varsinais-Suomen hyvinvointialue",
	"Kuopion kaupunki", "Lapin hyvinvointialue", "Jyväskylän kaupunki",
	"Keski-Suomen hyvinvointialue", "Vantaan ja Keravan hyvinvointialue", "Turun kaupunki",
	"Mielenterveysjärjestö Mieli ry", "Etelä-Karjalan hyvinvointialue",
}

var (
	kinds          = []string{"tieto", "vinkki", "menetelma", "tyokalu"}
	kindLabels     = map[string]string{"tieto": "Tieto", "vinkki": "Vinkki", "menetelma": "Menetelmä", "tyokalu": "Työkalu"}
	audiences      = []string{"johto", "esihenkilot", "paattajat", "henkilosto", "hanketoimijat"}
	audienceLabels = map[string]string{"johto": "Johto", "esihenkilot": "Esihenkilöt", "paattajat": "Päättäjät",
		"henkilosto": "Henkilöstö", "hanketoimijat": "Hanketoimijat"}
)

// vocab is the parsed form of the tables above.
type vocab struct {
	nouns       [][]string // nouns[i][case]
	verbalNouns [][]string
	simpleNouns [][]string // nouns that take a compound prefix
	verbs       [][]string
	adjs        [][]string
}

var loadVocab = sync.OnceValue(func() *vocab {
	v := &vocab{}
	for _, line := range lines(nounTable) {
		f := strings.Fields(line)
		isVerbal := f[0] == "v"
		if isVerbal {
			f = f[1:]
		}
		mustLen(line, f, numCases)
		v.nouns = append(v.nouns, f)
		if isVerbal {
			v.verbalNouns = append(v.verbalNouns, f)
		}
		if !strings.Contains(f[nom], "-") && len([]rune(f[nom])) <= 10 {
			v.simpleNouns = append(v.simpleNouns, f)
		}
	}
	for _, line := range lines(verbTable) {
		f := strings.Fields(line)
		mustLen(line, f, numVerbForms)
		v.verbs = append(v.verbs, f)
	}
	for _, line := range lines(adjTable) {
		f := strings.Fields(line)
		mustLen(line, f, numCases)
		v.adjs = append(v.adjs, f)
	}
	return v
})

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func mustLen(line string, f []string, n int) {
	if len(f) != n {
		panic(fmt.Sprintf("corpus: vocabulary line has %d forms, want %d: %s", len(f), n, line))
	}
}
