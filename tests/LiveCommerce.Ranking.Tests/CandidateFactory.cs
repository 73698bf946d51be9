using System.Globalization;
using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Ranking.Tests;

/// <summary>Builds candidate lists for tests.</summary>
internal static class CandidateFactory
{
    public static RankingCandidate Product(string id, long impressions, long clicks, SellerKind kind = SellerKind.Brand) => new()
    {
        ProductId = id,
        CategoryId = "cat-" + id,
        SellerId = "seller-" + id,
        SellerKind = kind,
        Impressions = impressions,
        Examination = impressions,
        ListClicks = clicks,
        Clicks = clicks,
        PriceMinor = 2_500,
        CurrencyDigits = 2,
        SecondsSinceLastPinned = 600,
    };

    /// <summary>A random snapshot with a mix of seller kinds and engagement levels.</summary>
    public static RankingCandidate[] RandomSnapshot(Random random, int count)
    {
        var result = new RankingCandidate[count];
        for (var i = 0; i < count; i++)
        {
            var impressions = random.Next(0, 5_000);
            var clicks = impressions == 0 ? 0 : random.Next(0, (impressions / 10) + 1);
            result[i] = new RankingCandidate
            {
                ProductId = "p" + i.ToString(CultureInfo.InvariantCulture),
                CategoryId = "c" + random.Next(0, 12).ToString(CultureInfo.InvariantCulture),
                SellerId = "s" + random.Next(0, 40).ToString(CultureInfo.InvariantCulture),
                SellerKind = (SellerKind)random.Next(0, 3),
                Impressions = impressions,
                Examination = impressions * random.NextDouble(),
                ListClicks = clicks,
                Clicks = clicks,
                CartActions = clicks == 0 ? 0 : random.Next(0, clicks + 1),
                PurchaseActions = random.Next(0, 5),
                UnitsSold = random.Next(0, 9),
                RevenueMinor = random.Next(0, 100_000),
                RecentExamination = random.Next(0, 2_000),
                RecentClicks = random.Next(0, 100),
                PriorExamination = random.Next(0, 8_000),
                PriorClicks = random.Next(0, 300),
                PriceMinor = random.Next(100, 500_000),
                CurrencyDigits = 2,
                StockLeft = random.Next(0, 4) == 0 ? null : random.Next(0, 200),
                SecondsSinceLastPinned = random.Next(0, 3) == 0 ? null : random.Next(0, 7_200),
            };
        }

        return result;
    }
}
