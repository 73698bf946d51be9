#!/usr/bin/env python3
"""Writes data/chat/train.tsv and data/chat/test.tsv from the hand-written comment templates below.

Every template is a comment written for this corpus; the slots only change what a real viewer would
change: the product nickname ({p}, from data/chat/catalogs.tsv, with its typos and partial names), the
quantity ({n} digits, {w} words), a size ({s}) and how the viewer addresses the host ({a}: kak, kk, sis...).
The split is by template: a test comment never shares its template with a training comment.
Deterministic (seeded). Run from the repository root: python3 scripts/chat-corpus.py
"""
import csv, random, os

P, Q, O = "purchase", "question", "other"
H = True  # hard case: negation, sarcasm, a question that mentions buying, a past purchase

T = [
 # ---- purchase ----
 (P, "mau {n} {a}"), (P, "mau {n} yg {p} {a}"), (P, "{p} {n} {a}"), (P, "beli {n}"), (P, "beli {n} {p}"),
 (P, "sold {n}"), (P, "sold {n} {p} {a}"), (P, "aku mau {p} {n}"), (P, "keep {p} {n} ya {a}"),
 (P, "ambil {n} {a} yg {p}"), (P, "order {p} {n}pcs"), (P, "checkout {n} {p} sekarang"),
 (P, "mauuu {p} {a} 😍"), (P, "aku ambil {p} ya"), (P, "{p} satu buat aku {a}"), (P, "pesen {w} {a} {p}"),
 (P, "mau {w} {a}, {p}"), (P, "aku {n} {a}"), (P, "saya pesan {p} {n} buah"), (P, "ikut {p} {n}"),
 (P, "mau dong {p} {a}"), (P, "jual ke aku {p} nya {a}"), (P, "aku mau yg {p} size {s} {n}"),
 (P, "{p} size {s} {n}pcs ya"), (P, "borong {p} {n} {a}"), (P, "cekot {p} {n} {a}"), (P, "co {n} {p}"),
 (P, "aku co {p} {a}"), (P, "I want {n} {p}"), (P, "I'll take {n}"), (P, "I'll take the {p} please"),
 (P, "buy {n} {p}"), (P, "want {p} {n} pcs"), (P, "add {n} {p} to my cart"), (P, "one {p} for me pls"),
 (P, "{p} x{n}"), (P, "x{n} {p} {a}"), (P, "+{n} {p}"), (P, "mau bgt {p} nya, {n} ya {a}"),
 (P, "langsung beli {p} {n} {a}"), (P, "fix beli {p}"), (P, "fix ambil {n}"), (P, "jadi ambil {p} {n} ya"),
 (P, "saya ambil {n} {a} 🙏"), (P, "book {p} {n} {a}"), (P, "titip {p} {n} ya {a}"), (P, "mau {p} {w} aja"),
 (P, "minta {p} {n} {a}"), (P, "aku pengen beli {p} {n}"), (P, "pengen {p} {a}, {n} ya"),
 (P, "sold {p} size {s}"), (P, "mau {p} warna hitam {n}"), (P, "{p} {w} ya {a} buat kado"),
 (P, "yg {p} aku {n}"), (P, "kak aku mau {n} yg kemarin dipin, {p}"), (P, "gass {p} {n}"),
 (P, "gas beli {n} {a}"), (P, "dah transfer buat {p} {n} ya {a}"), (P, "mau {n} lagi {p} nya"),
 (P, "tambah {n} {p} {a}"), (P, "beliii {n} {a}!!!"), (P, "mau {n} kk 🔥🔥"), (P, "sold {w}"),
 (P, "aku mau beli {p} {a}, {n} pcs"), (P, "{p} {n} buat aku sama adek"), (P, "pesan {n} ya, {p}"),
 (P, "siap beli {p} {n}"), (P, "aku juga mau {p} {n}"), (P, "mau jg {a} {p}"), (P, "aku ikutan {n} {a}"),
 (P, "claim {p} {n}"), (P, "ambil {p} {w}, bayar sekarang"), (P, "aku beli {p} yg size {s}"),
 (P, "mau {n}, yg {p} ya {a} jangan lupa"), (P, "{n} {p} masuk keranjang ya {a}"),
 (P, "walau mahal tetep beli {p} {n}", H), (P, "ga pake mikir, beli {p} {n}", H),
 (P, "gak usah diskon, aku ambil {p} {n}", H), (P, "nggak sabar, mau {p} {n} sekarang", H),
 (P, "gak mau kehabisan, sold {p} {n}", H), (P, "ga jadi yg {p}, aku ambil {p2} aja {n}", H),
 (P, "udah nanya2, fix mau {p} {n}", H), (P, "ga usah dijelasin lagi, beli {n}", H),
 # ---- question ----
 (Q, "brp {a} yg {p}?"), (Q, "berapa harga {p} {a}"), (Q, "{p} berapaan"), (Q, "size {s} ready?"),
 (Q, "{p} size {s} ready {a}?"), (Q, "ready stok {p} {a}?"), (Q, "masih ada {p} nya?"), (Q, "{p} ada warna lain?"),
 (Q, "bahan {p} apa {a}"), (Q, "{p} bahannya adem ga?"), (Q, "{p} bisa cod?"), (Q, "bisa cod {a}"),
 (Q, "ongkir ke medan brp {a}"), (Q, "kirim dari mana {a}?"), (Q, "{p} ukuran {s} muat bb 60?"),
 (Q, "lingkar dada {p} size {s} brp?"), (Q, "{p} cocok buat kulit berminyak?"), (Q, "{p} aman buat bumil?"),
 (Q, "{p} ada bpom nya {a}?"), (Q, "{p} expired kapan?"), (Q, "{p} isinya berapa gram"),
 (Q, "how much is the {p}?"), (Q, "is the {p} still available?"), (Q, "do you ship to malaysia?"),
 (Q, "what size is the model wearing?"), (Q, "{p} comes in size {s}?"), (Q, "price {p} pls"),
 (Q, "hrg {p}?"), (Q, "hrga brp {a}"), (Q, "{p} diskon ga {a}?"), (Q, "ada promo {p} hari ini?"),
 (Q, "{p} sama {p2} bagusan mana {a}?"), (Q, "beda {p} sama {p2} apa {a}"), (Q, "{p} ori ga?"),
 (Q, "cara belinya gimana {a}?", H), (Q, "kalau beli {n} dapat diskon {a}?", H), (Q, "beli {n} {p} gratis ongkir ga?", H),
 (Q, "kalau beli {p} sekarang kapan sampe?", H), (Q, "mau beli {p} tapi bisa bayar di tempat?", H),
 (Q, "mau beli tapi gimana caranya {a}?", H), (Q, "beli {p} dimana {a}? link nya mana", H),
 (Q, "min pembelian berapa {a}?", H), (Q, "beli {n} bisa beda warna ga?", H), (Q, "kalo order {p} {n} ongkirnya brp?", H),
 (Q, "can I buy {n} {p} with one shipping?", H), (Q, "if I buy {n} is there a discount?", H),
 (Q, "how do I buy the {p}?", H), (Q, "mau order {p} bisa dikirim besok?", H),
 (Q, "sold out ya {a} yg {p}?", H), (Q, "yg {p} udah sold ya?", H), (Q, "{p} udah abis blm {a}?", H),
 (Q, "keranjang nomor brp {a}?"), (Q, "yg dipin itu apa {a}?"), (Q, "{p} warnanya sesuai foto?"),
 (Q, "{p} panjangnya brp cm"), (Q, "{p} ada size {s} gak"), (Q, "{p} bisa buat cowok?"),
 (Q, "stok {p} tinggal brp?"), (Q, "{p} garansi ga {a}"), (Q, "kapan restock {p}?"),
 (Q, "{p} bisa custom nama?"), (Q, "{p} ukurannya kecil atau normal {a}?"), (Q, "tolong spill harga {p}"),
 (Q, "spill bahan {p} dong {a}"), (Q, "coba liatin {p} dari belakang {a}", H), (Q, "{p} bisa dicuci mesin?"),
 (Q, "{p} tahan berapa lama {a}?"), (Q, "{p} pedesnya kayak gimana {a}?"), (Q, "{p} halal ga?"),
 (Q, "apakah {p} bisa retur kalau kekecilan?"), (Q, "{p} restock kapan {a}??"), (Q, "ada voucher {a}?"),
 (Q, "live sampai jam brp {a}?"), (Q, "{p} ada yg size {s} ga?"), (Q, "{p} itu kulit asli?"),
 (Q, "hmm {p} licin ga dipake?"), (Q, "{p} nyaman buat lari?"), (Q, "{p} beratnya brp {a}"),
 (Q, "kak {p} boleh zoom?", H), (Q, "{p} sm yg kmrn sama ga?"), (Q, "yg {p} harga normalnya brp?"),
 (Q, "{p} ini kw atau ori {a}"), (Q, "shipping {p} how long?"), (Q, "any discount for {p}?"),
 # ---- other ----
 (O, "halo {a} 👋"), (O, "hadir {a}"), (O, "semangat live nya {a}!"), (O, "cantik bgt {a} 😍"),
 (O, "{p} nya bagus {a}"), (O, "{p} keren parah"), (O, "wkwkwk lucu"), (O, "salam dari surabaya {a}"),
 (O, "mampir {a}"), (O, "nyimak dulu"), (O, "baru join {a}"), (O, "suaranya putus2 {a}"),
 (O, "love the {p}"), (O, "hi from jakarta"), (O, "nice stream"), (O, "the {p} looks great"),
 (O, "ga jadi beli {a}", H), (O, "gak jadi ambil {p} deh", H), (O, "nggak mau {p}, mahal", H),
 (O, "ga mau beli, cuma liat2", H), (O, "ga usah beli {p}, di rumah udah ada", H), (O, "belum mau beli {a}, nabung dulu", H),
 (O, "batal {p} nya {a} maaf", H), (O, "cancel yg {p} tadi {a}", H), (O, "ga beli dulu deh, gajian masih lama", H),
 (O, "mending beli di toko sebelah", H), (O, "kemarin udah beli {p}, bagus bgt", H), (O, "{p} yg aku beli bulan lalu awet", H),
 (O, "udah beli {n} kemarin, mantap {a}", H), (O, "paketnya udah sampe {a}, makasih", H),
 (O, "wah murah banget ya {p} 500rb 🙄", H), (O, "iya deh {p} paling bagus sedunia 🙄", H),
 (O, "pengen beli tapi dompet menjerit wkwk", H), (O, "mau sih, tapi gaji belum turun 😭", H),
 (O, "mau beli tapi saldo 0 wkwk", H), (O, "kapan2 aja deh belinya", H), (O, "not buying, just watching", H),
 (O, "no thanks, too pricey", H), (O, "I already bought the {p} last week, love it", H),
 (O, "suami ga ngizinin beli lagi wkwk", H), (O, "mauuu tapi ga punya duit 😂", H),
 (O, "siapa yg mau beli {p}? bukan aku wkwk", H), (O, "yg beli {p} banyak bgt ya", H),
 (O, "nonton doang {a}", H), (O, "ga dulu {a}, makasih", H), (O, "aku mah cuma nonton", H),
 (O, "gak mau ah, warnanya norak", H), (O, "{p} nya jelek, ga mau", H), (O, "ga minat {a}", H),
 (O, "{p} kemahalan ga bakal beli", H), (O, "beli? ya nggak lah wkwk", H), (O, "jangan beli {p} guys, aku nyesel", H),
 (O, "tadi mau beli tapi udah abis", H), (O, "nanti aja beli pas gajian", H), (O, "sayang bgt kehabisan {p}", H),
 (O, "makasih {a} paketnya rapi"), (O, "{a} rambutnya bagus"), (O, "mantap {a} 👍👍"), (O, "lanjut {a}"),
 (O, "up up"), (O, "first!"), (O, "❤️❤️❤️"), (O, "😂😂😂"), (O, "🔥🔥🔥"), (O, "good luck {a}"),
 (O, "{p} nya cakep"), (O, "warnanya cakep bgt {p}"), (O, "{p} bikin glowing"), (O, "{p} enak bgt sumpah"),
 (O, "aku pake {p} udah setahun"), (O, "anak aku suka {p} nya"), (O, "{a} ganti lagu dong"),
 (O, "share ke temen2 ah"), (O, "mantul {a}"), (O, "hujan deres disini {a}"), (O, "izin nyimak"),
 (O, "absen dulu {a}"), (O, "tes tes"), (O, "terima kasih ilmunya {a}"), (O, "wow {p} keren"),
 (O, "{p} mirip punya temenku"), (O, "{a} sehat selalu"), (O, "lagi di jalan nih nonton"),
 (O, "kok ngelag ya"), (O, "kameranya goyang {a}"), (O, "keren bgt live nya"), (O, "so cute 😍"),
 (O, "awesome {p}"), (O, "lol"), (O, "good night all"), (O, "mbaknya ramah bgt"),
 (O, "ini live ke 3 aku nonton hari ini"), (O, "ramee bgt"), (O, "selamat pagi semua"),
 (O, "{p} nya kayak yg di iklan"), (O, "aku kira {p} itu mahal"), (O, "kemarin nonton live {a} juga"),
 # ---- more, written after a first look at what the model confused ----
 (P, "sold {w} {a} yg {p}"), (P, "{p} {w} ya {a}"), (P, "aku {w} ya {a}"), (P, "mau {w} dong"),
 (P, "udah ga usah mikir, ambil {p} {n}", H), (P, "ga pake lama, checkout {n}", H), (P, "tanpa ragu beli {p} {n}", H),
 (P, "ga perlu promo, aku beli {n}", H), (P, "aku beli {p} ya {a}, size {s}"), (P, "ambil {p} size {s} ya {a}"),
 (Q, "tolong tunjukin {p} dari samping {a}", H), (Q, "bisa liatin {p} lebih deket {a}?", H), (Q, "coba pakein {p} {a}", H),
 (Q, "{p} ukuran {s} buat tinggi 160 muat?"), (Q, "kalau mau beli {p} {n} bisa dikirim hari ini?", H),
 (Q, "mau beli sih, tapi ada garansinya ga?", H), (Q, "how do I order {n} of these?", H),
 (O, "wah murah bgt ya, sejuta doang 🙄", H), (O, "ya ampun {p} murah banget, cuma segaji 🙄", H),
 (O, "hebat ya {p} nya, sekali pake langsung rusak 🙄", H), (O, "ponakan aku suka {p} nya"),
 (O, "ibu aku suka bgt {p} nya"), (O, "temen aku udah beli {p}, katanya bagus", H),
 (O, "ga jadi beli deh, udah keburu abis", H), (O, "sayang ga ada duit buat beli {p} 😭", H),
 (O, "ga usah beli, nonton aja seru", H),
]

ADDR = ["kak", "kk", "ka", "kakak", "sis", "gan", "min", "", "", "kak"]
SIZES = ["S", "M", "L", "XL", "XXL", "38", "40", "42", "all size"]
WORDS = [("satu", 1), ("dua", 2), ("tiga", 3), ("empat", 4), ("lima", 5)]
EMOJI = ["", "", "", "", " 🙏", " 😍", " 🔥", " 😭", " ❤️", "!!", "??"]


def elongate(text, rnd):
    """Repeats the last letter of one word now and then, as viewers do ("kakkk", "mauuu")."""
    words = text.split(" ")
    i = rnd.randrange(len(words))
    w = words[i]
    if len(w) >= 2 and w[-1].isalpha():
        words[i] = w + w[-1] * rnd.randint(1, 3)
    return " ".join(words)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    catalogs = {}
    with open(os.path.join(root, "data/chat/catalogs.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            catalogs.setdefault(row["catalog"], []).append((row["productId"], row["mentions"].split("|")))
    rnd = random.Random(20261202)
    names = sorted(catalogs)
    rows = {"train": [], "test": []}
    seen = set()
    for ti, t in enumerate(T):
        intent, template = t[0], t[1]
        hard = len(t) > 2 and t[2]
        split = "test" if ti % 5 == 2 else "train"
        fills = 6 if "{p}" in template else 4
        for k in range(fills * 3):
            if fills <= 0:
                break
            catalog = names[rnd.randrange(len(names))]
            prods = catalogs[catalog]
            pid, mentions = prods[rnd.randrange(len(prods))]
            pid2, mentions2 = rnd.choice([p for p in prods if p[0] != pid])
            word, wn = rnd.choice(WORDS)
            n = rnd.choice([1, 1, 2, 2, 3, 4, 5, 10])
            text = template
            product = ""
            if "{p2}" in text:
                # "ga jadi yg A, aku ambil B": the comment is about B, the product it ends on.
                text = text.replace("{p2}", rnd.choice(mentions2))
                product = pid2 if intent == P else pid
            if "{p}" in text:
                text = text.replace("{p}", rnd.choice(mentions))
                product = product or pid
            qty = ""
            if "{n}" in text:
                text = text.replace("{n}", str(n))
                qty = str(n)
            if "{w}" in text:
                text = text.replace("{w}", word)
                qty = str(wn)
            text = text.replace("{s}", rnd.choice(SIZES)).replace("{a}", rnd.choice(ADDR))
            if rnd.random() < 0.25:
                text = elongate(text, rnd)
            if rnd.random() < 0.3:
                text += rnd.choice(EMOJI)
            if rnd.random() < 0.1:
                text = text.upper()
            elif rnd.random() < 0.2:
                text = text[:1].upper() + text[1:]
            text = " ".join(text.split())
            if (text, catalog) in seen:
                continue
            seen.add((text, catalog))
            if intent != P:
                qty = ""
            rows[split].append((text, intent, catalog, product, qty, "hard" if hard else ""))
            fills -= 1
    for split, items in rows.items():
        with open(os.path.join(root, f"data/chat/{split}.tsv"), "w", encoding="utf-8", newline="") as f:
            f.write("text\tintent\tcatalog\tproductId\tquantity\tcase\n")
            for r in items:
                f.write("\t".join(r) + "\n")
        print(split, len(items))


main()
