using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Sellers;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Grains.Sellers;

namespace LiveCommerce.Tests.Rules;

/// <summary>A seller's verification rules, without a cluster.</summary>
public sealed class SellerVerificationRulesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_same_kind_again_changes_nothing_another_kind_replaces_it_and_each_change_raises_the_revision()
    {
        var state = new SellerState();
        var rules = new SellerVerificationRules(state);
        Assert.Equal(SellerStanding.Unverified, rules.Standing);
        Assert.False(rules.HandOverOwed);

        Assert.True(rules.Verify("s-1", SellerKinds.LocalSme, Monday));
        Assert.Equal(new SellerStanding(1, SellerKinds.LocalSme), rules.Standing);
        Assert.True(rules.HandOverOwed);

        Assert.False(rules.Verify("s-1", SellerKinds.LocalSme, Monday.AddHours(1)));
        Assert.Equal(Monday, state.Verification!.VerifiedAt);
        Assert.Equal(1, state.Revision);

        Assert.True(rules.Verify("s-1", SellerKinds.Platform, Monday.AddHours(2)));
        Assert.Equal((SellerKinds.Platform, Monday.AddHours(2), 2L), (state.Verification!.SellerKind, state.Verification.VerifiedAt, state.Revision));
        Assert.Equal("s-1", state.Verification.SellerId);

        rules.HandedOver(2);
        Assert.False(rules.HandOverOwed);
        rules.HandedOver(1);
        Assert.Equal(2, state.HandedOver);
    }

    [Fact]
    public void A_revocation_clears_the_kind_once_and_a_revocation_of_nothing_changes_nothing()
    {
        var state = new SellerState();
        var rules = new SellerVerificationRules(state);
        Assert.False(rules.Revoke());
        Assert.Equal(0, state.Revision);

        rules.Verify("s-1", SellerKinds.Brand, Monday);
        Assert.True(rules.Revoke());
        Assert.Equal(new SellerStanding(2, null), rules.Standing);
        Assert.Null(state.Verification);
        Assert.False(rules.Revoke());
        Assert.Equal(2, state.Revision);

        // Verified again after a revocation: a new change with a new time.
        Assert.True(rules.Verify("s-1", SellerKinds.Brand, Monday.AddDays(1)));
        Assert.Equal((3L, Monday.AddDays(1)), (state.Revision, state.Verification!.VerifiedAt));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("LOCAL-SME")]
    [InlineData("local_sme")]
    [InlineData(" brand")]
    [InlineData("bank")]
    public void Only_the_three_seller_kinds_can_be_verified_and_a_refusal_changes_nothing(string? kind)
    {
        var state = new SellerState();
        var rules = new SellerVerificationRules(state);
        rules.Verify("s-1", SellerKinds.Brand, Monday);

        var refused = Assert.Throws<LiveCommerceException>(() => rules.Verify("s-1", kind, Monday.AddHours(1)));
        Assert.Equal(ErrorKind.Invalid, refused.Kind);
        Assert.Equal((SellerKinds.Brand, 1L), (state.Verification!.SellerKind, state.Revision));
    }

    [Theory]
    [InlineData(SellerKinds.LocalSme, SellerKinds.LocalSme, true)]
    [InlineData(SellerKinds.LocalSme, SellerKinds.Platform, false)]
    [InlineData(SellerKinds.Platform, SellerKinds.Platform, true)]
    [InlineData(SellerKinds.Brand, null, false)]
    public void A_product_is_verified_only_when_its_label_is_the_kind_its_seller_was_verified_as(string label, string? verified, bool expected)
    {
        var product = new Product
        {
            Id = "p", SellerId = "s", Sku = "sku", Name = "Kain", Price = new LiveCommerce.Contracts.Pricing.Money(1_000, "IDR"),
            SellerKind = label, VerifiedSellerKind = verified,
        };
        Assert.Equal(expected, product.SellerKindVerified);
        Assert.Equal(expected, ProductCard.From(product, "stream").SellerKindVerified);
        Assert.Equal(verified, ProductCard.From(product, "stream").VerifiedSellerKind);
    }
}
