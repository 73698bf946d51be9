using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Silo.Apis;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.Validation;

/// <summary>The request checks of the HTTP API: money bounds, ids, counts.</summary>
public sealed class RequestValidationTests
{
    [Theory]
    [InlineData(0L, true)]
    [InlineData(1L, true)]
    [InlineData(Money.MaxAmount, true)]
    [InlineData(Money.MaxAmount + 1, false)]
    [InlineData(long.MaxValue, false)]
    [InlineData(-1L, false)]
    [InlineData(long.MinValue, false)]
    public void A_product_price_is_0_to_10_to_the_12_minor_units(long amount, bool valid)
    {
        var errors = RequestValidation.Check(Catalog.Product() with { Price = new Money(amount, "IDR") });
        Assert.Equal(valid, errors.Count == 0);
        if (!valid)
        {
            Assert.Contains("price.amount", errors.Keys);
        }
    }

    [Fact]
    public void An_offer_price_above_10_to_the_12_is_refused_with_a_message_that_says_the_bound()
    {
        var errors = RequestValidation.Check(new CreateOfferRequest
        {
            ProductId = "p1",
            Price = new Money(Money.MaxAmount + 1, "IDR"),
            Quantity = 1,
            DurationSeconds = 60,
        });
        var message = Assert.Single(errors["price.amount"]);
        Assert.Contains("1000000000000", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("idr")]
    [InlineData("XXX")]
    public void Money_in_an_unknown_or_missing_currency_is_refused(string? currency)
    {
        var errors = RequestValidation.Check(Catalog.Product() with { Price = new Money(1000, currency!) });
        Assert.Contains("price.currency", errors.Keys);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(RequestValidation.MaxStock + 1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Absurd_stock_is_refused(int stock) =>
        Assert.Contains("stock", RequestValidation.Check(Catalog.Product() with { Stock = stock }).Keys);

    [Fact]
    public void Seller_terms_take_a_bounded_price_floor_and_a_positive_unit_cap()
    {
        Assert.Empty(RequestValidation.Check(new SellerTerms { MinLivePrice = new Money(50_000, "IDR"), MaxOfferUnits = 10 }));
        Assert.Empty(RequestValidation.Check(new SellerTerms()));
        Assert.Contains("minLivePrice.amount", RequestValidation.Check(new SellerTerms { MinLivePrice = new Money(Money.MaxAmount + 1, "IDR") }).Keys);
        Assert.Contains("maxOfferUnits", RequestValidation.Check(new SellerTerms { MaxOfferUnits = 0 }).Keys);
        Assert.Contains("maxOfferUnits", RequestValidation.Check(new SellerTerms { MaxOfferUnits = -5 }).Keys);
        Assert.Contains("body", RequestValidation.Check((SellerTerms?)null).Keys);
    }

    [Theory]
    [InlineData("p-1", true)]
    [InlineData("漢字テスト", true)]
    [InlineData("\ud83d\ude00", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData(" ", false)]
    [InlineData("\u3000", false)]
    [InlineData("a\0b", false)]
    [InlineData("a\nb", false)]
    [InlineData("\u007f", false)]
    public void An_id_is_1_to_64_visible_characters(string? id, bool valid) => Assert.Equal(valid, RequestValidation.IsId(id));

    [Fact]
    public void An_id_with_an_unpaired_surrogate_is_no_id()
    {
        Assert.False(RequestValidation.IsId(new string((char)0xd800, 1)));
        Assert.False(RequestValidation.IsId("x" + (char)0xdfff));
        Assert.False(RequestValidation.IsId("x" + (char)0xd83d + "y"));
    }

    [Fact]
    public void An_id_of_65_characters_is_no_id() =>
        Assert.False(RequestValidation.IsId(new string('x', RequestValidation.MaxIdLength + 1)));

    [Fact]
    public void A_not_found_problem_quotes_at_most_64_characters_of_the_id()
    {
        var problem = NotFoundProblem.Of("product", new string('x', 10_000));
        Assert.Equal(404, problem.Status);
        Assert.True(problem.Detail!.Length < 120);
    }
}
