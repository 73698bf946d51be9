using LiveCommerce.Chat;

namespace LiveCommerce.Chat.Tests;

public sealed class QuantityReaderTests
{
    [Theory]
    [InlineData("mau 2 kak", 2)]
    [InlineData("beli 3pcs", 3)]
    [InlineData("x2 yg kawung", 2)]
    [InlineData("sold dua", 2)]
    [InlineData("size 40 mau 1", 1)]
    [InlineData("wa 081234567890", null)]
    [InlineData("500rb aja kak", null)]
    [InlineData("mau kak", null)]
    public void Reads_the_units_asked_for(string comment, int? expected) =>
        Assert.Equal(expected, QuantityReader.Read(ChatText.Tokens(comment)));
}
