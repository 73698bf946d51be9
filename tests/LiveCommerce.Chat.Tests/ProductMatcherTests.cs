using LiveCommerce.Chat;

namespace LiveCommerce.Chat.Tests;

public sealed class ProductMatcherTests
{
    private static readonly ProductMatcher Batik = new(
    [
        new("kawung", "Dress Batik Kawung"), new("parang", "Kemeja Batik Parang"), new("mega", "Outer Batik Megamendung"),
        new("tint", "Lip Tint Cherry Matte"),
    ]);

    [Theory]
    [InlineData("brp yg kawung?", "kawung")]
    [InlineData("kawuuung 2 kak", "kawung")]
    [InlineData("kawng size L ready?", "kawung")]
    [InlineData("kmeja parang 1", "parang")]
    [InlineData("mega mendung ada?", "mega")]
    [InlineData("outer mega", "mega")]
    [InlineData("liptint cherry mau", "tint")]
    public void Finds_the_product_through_partial_names_and_typos(string comment, string expected) =>
        Assert.Equal(expected, Batik.Match(ChatText.Tokens(comment)));

    [Theory]
    [InlineData("mau 2 kak")]
    [InlineData("batik nya bagus semua")]
    [InlineData("halo kak salam dari medan")]
    [InlineData("can I pay by transfer?")]
    public void Names_no_product_when_the_comment_names_none_or_all(string comment) =>
        Assert.Null(Batik.Match(ChatText.Tokens(comment)));
}
