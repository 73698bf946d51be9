using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Contracts.Auctions;
using LiveCommerce.Contracts.Giveaways;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Contracts.Vouchers;
using LiveCommerce.Grains.Products;

namespace LiveCommerce.Grains.Sales;

/// <summary>
/// What a stream's creator may start, checked before anything is stored (contract v2): a live stream of theirs, a
/// listed product, amounts in the product's currency and at most 10^12 minor units, durations of 10 to 86,400 seconds,
/// and the seller's terms in another creator's stream (the starting bid and the reserve count as the price, a
/// giveaway's winners as its units).
/// </summary>
public static class SaleRules
{
    /// <summary>The shortest run of any sale.</summary>
    public const int MinDurationSeconds = 10;

    /// <summary>The longest run of any sale.</summary>
    public const int MaxDurationSeconds = 86_400;

    /// <summary>The longest anti-sniping window.</summary>
    public const int MaxAntiSnipeSeconds = 3_600;

    /// <summary>The most winners of one giveaway.</summary>
    public const int MaxWinners = 1_000;

    /// <summary>The most vouchers of one drop.</summary>
    public const int MaxVouchers = 1_000_000;

    /// <summary>Checks that <paramref name="callerId"/> runs the live <paramref name="stream"/>.</summary>
    public static void CheckStream(LiveStream? stream, string callerId, string what)
    {
        if (stream is null)
        {
            throw LiveCommerceException.NotFound("The stream was not found.");
        }

        if (stream.CreatorId != callerId)
        {
            throw LiveCommerceException.Forbidden("This stream belongs to another creator.");
        }

        if (stream.Status != StreamStatus.Live)
        {
            throw LiveCommerceException.Conflict($"{what} run in a live stream; go live first.");
        }
    }

    /// <summary>Checks that <paramref name="productId"/> is on the stream's list.</summary>
    public static void CheckListed(LiveStream stream, string productId)
    {
        if (!stream.ProductIds.Contains(productId, StringComparer.Ordinal))
        {
            throw LiveCommerceException.Invalid($"Product '{productId}' is not on this stream's list; add it first.");
        }
    }

    /// <summary>Checks a run's length.</summary>
    public static TimeSpan Duration(int? seconds) => seconds is >= MinDurationSeconds and <= MaxDurationSeconds
        ? TimeSpan.FromSeconds(seconds.Value)
        : throw LiveCommerceException.Invalid($"durationSeconds must be {MinDurationSeconds} to {MaxDurationSeconds}.");

    /// <summary>Checks an auction against its product and the seller's terms.</summary>
    public static void CheckAuction(CreateAuctionRequest request, Product product, string creatorId)
    {
        var starting = Amount(request.StartingBid, "startingBid", product, least: 1);
        Amount(request.BidIncrement, "bidIncrement", product, least: 1);
        var reserve = request.ReservePrice is null ? (Money?)null : Amount(request.ReservePrice, "reservePrice", product, least: 1);
        if (request.AntiSnipeSeconds is < 0 or > MaxAntiSnipeSeconds)
        {
            throw LiveCommerceException.Invalid($"antiSnipeSeconds must be 0 to {MaxAntiSnipeSeconds}.");
        }

        _ = Duration(request.DurationSeconds);
        OfferTerms.Check(product, creatorId, starting, 1);
        if (reserve is not null)
        {
            OfferTerms.Check(product, creatorId, reserve, 1);
        }
    }

    /// <summary>Checks a giveaway against its product and the seller's terms.</summary>
    public static void CheckGiveaway(CreateGiveawayRequest request, Product product, string creatorId)
    {
        if (request.Winners is not (>= 1 and <= MaxWinners))
        {
            throw LiveCommerceException.Invalid($"winners must be 1 to {MaxWinners}.");
        }

        _ = Duration(request.DurationSeconds);
        OfferTerms.Check(product, creatorId, price: null, request.Winners.Value);
    }

    /// <summary>Checks a voucher drop.</summary>
    public static void CheckVoucher(CreateVoucherRequest request)
    {
        if (request.Discount is not { } discount || (discount.Percent is null) == (discount.Amount is null))
        {
            throw LiveCommerceException.Invalid("discount needs exactly one of percent (1 to 90) and amount.");
        }

        if (discount.Percent is < 1 or > 90)
        {
            throw LiveCommerceException.Invalid("discount.percent must be 1 to 90.");
        }

        var minSpend = request.MinSpend ?? throw LiveCommerceException.Invalid("minSpend is required (0 or more).");
        CheckMoney(minSpend, "minSpend", least: 0);
        if (discount.Amount is { } amount)
        {
            CheckMoney(amount, "discount.amount", least: 1);
            if (amount.Currency != minSpend.Currency)
            {
                throw LiveCommerceException.Invalid("discount.amount and minSpend must be in the same currency.");
            }
        }

        if (request.Quantity is not (>= 1 and <= MaxVouchers))
        {
            throw LiveCommerceException.Invalid($"quantity must be 1 to {MaxVouchers}.");
        }

        if (request.PerViewerLimit is < 1 || request.PerViewerLimit > request.Quantity)
        {
            throw LiveCommerceException.Invalid("perViewerLimit must be 1 to quantity.");
        }

        _ = Duration(request.DurationSeconds);
    }

    private static Money Amount(Money? money, string name, Product product, long least)
    {
        if (money is null)
        {
            throw LiveCommerceException.Invalid($"{name} is required.");
        }

        CheckMoney(money, name, least);
        return money.Currency == product.Price.Currency
            ? money
            : throw LiveCommerceException.Invalid($"{name} must be in the product's currency, {product.Price.Currency}.");
    }

    private static void CheckMoney(Money money, string name, long least)
    {
        if (money.Amount < least || money.Amount > Money.MaxAmount)
        {
            throw LiveCommerceException.Invalid($"{name} must be {least} to {Money.MaxAmount} minor units.");
        }

        if (!Currencies.IsKnown(money.Currency))
        {
            throw LiveCommerceException.Invalid($"{name} needs an ISO 4217 currency.");
        }
    }
}
