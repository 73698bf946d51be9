using LiveCommerce.Chat;

namespace LiveCommerce.Chat.Tests;

public sealed class ChatFilterTests
{
    private static readonly ChatFilter Filter = new(["bodoh", "penipu", " "]);

    [Theory]
    [InlineData("dasar bodoh")]
    [InlineData("BODOH")]
    [InlineData("bodoooohhh")]
    [InlineData("b0d0h")]
    [InlineData("b.o.d.o.h")]
    [InlineData("b-o-d-o-h!!")]
    [InlineData("b o d o h")]
    [InlineData("kamu p3n1pu")]
    [InlineData("pen!pu kak")]
    public void Blocked_words_are_found_through_disguises(string text) => Assert.NotNull(Filter.FindBlockedWord(text));

    [Theory]
    [InlineData("mau 2 kak")]
    [InlineData("bodohnya aku lupa checkout")]
    [InlineData("bod oh")]
    [InlineData("")]
    public void Other_words_pass(string text) => Assert.Null(Filter.FindBlockedWord(text));

    [Theory]
    [InlineData("cek https://toko.example/promo")]
    [InlineData("www.tokosebelah.id")]
    [InlineData("murah di tokoku.com")]
    [InlineData("chat wa.me/62812")]
    [InlineData("bit.ly/abc")]
    public void Links_are_found(string text) => Assert.True(ChatFilter.HasLink(text));

    [Theory]
    [InlineData("wa 081234567890")]
    [InlineData("hub 0812 3456 7890")]
    [InlineData("+62-812-3456-7890")]
    [InlineData("0812.3456.789")]
    public void Phone_numbers_are_found(string text) => Assert.True(ChatFilter.HasPhoneNumber(text));

    [Theory]
    [InlineData("mau 2 kak, size 40")]
    [InlineData("harga 150.000 ya?")]
    [InlineData("ongkir ke medan brp. sudah.")]
    public void Ordinary_comments_hold_no_link_or_phone(string text)
    {
        Assert.False(ChatFilter.HasLink(text));
        Assert.False(ChatFilter.HasPhoneNumber(text));
    }
}
