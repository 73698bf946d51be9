namespace LiveCommerce.Chat;

/// <summary>How a classifier did on a labelled split.</summary>
/// <param name="Count">Comments read.</param>
/// <param name="MacroF1">Mean over the three intents of F1.</param>
/// <param name="Accuracy">Share of comments with the right intent.</param>
/// <param name="ProductAccuracy">Share of comments that name a product whose product was found.</param>
/// <param name="FalseMentionRate">Share of comments that name no product where a product was reported.</param>
/// <param name="HardAccuracy">Share of hard cases with the right intent.</param>
/// <param name="QuantityAccuracy">Share of purchases with a quantity that were read right.</param>
/// <param name="Errors">The comments whose intent was wrong, for a report.</param>
public sealed record ChatEvaluation(
    int Count,
    double MacroF1,
    double Accuracy,
    double ProductAccuracy,
    double FalseMentionRate,
    double HardAccuracy,
    double QuantityAccuracy,
    IReadOnlyList<(ChatExample Example, ChatReading Reading)> Errors)
{
    /// <summary>Reads every example against its catalog and scores the readings.</summary>
    public static ChatEvaluation Run(
        ChatClassifier classifier,
        IReadOnlyList<ChatExample> examples,
        IReadOnlyDictionary<string, IReadOnlyList<ChatProduct>> catalogs)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(catalogs);
        var matchers = catalogs.ToDictionary(kv => kv.Key, kv => new ProductMatcher(kv.Value), StringComparer.Ordinal);
        var empty = new ProductMatcher([]);
        int correct = 0, named = 0, namedRight = 0, unnamed = 0, falseMentions = 0, hard = 0, hardRight = 0, quantities = 0, quantitiesRight = 0;
        var tp = new int[3];
        var fp = new int[3];
        var fn = new int[3];
        var errors = new List<(ChatExample, ChatReading)>();
        foreach (var example in examples)
        {
            var reading = classifier.Read(example.Text, matchers.GetValueOrDefault(example.Catalog) ?? empty);
            var right = reading.Intent == example.Intent;
            if (right)
            {
                correct++;
                tp[(int)example.Intent]++;
            }
            else
            {
                fp[(int)reading.Intent]++;
                fn[(int)example.Intent]++;
                errors.Add((example, reading));
            }

            if (example.ProductId is null)
            {
                unnamed++;
                falseMentions += reading.ProductId is null ? 0 : 1;
            }
            else
            {
                named++;
                namedRight += reading.ProductId == example.ProductId ? 1 : 0;
            }

            if (example.Hard)
            {
                hard++;
                hardRight += right ? 1 : 0;
            }

            if (example.Intent == ChatIntent.Purchase && example.Quantity is not null)
            {
                quantities++;
                quantitiesRight += reading.Quantity == example.Quantity ? 1 : 0;
            }
        }

        var f1 = Enumerable.Range(0, 3).Select(i =>
        {
            double p = tp[i] + fp[i] == 0 ? 0 : (double)tp[i] / (tp[i] + fp[i]);
            double r = tp[i] + fn[i] == 0 ? 0 : (double)tp[i] / (tp[i] + fn[i]);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }).Average();
        static double Share(int a, int b) => b == 0 ? 1 : (double)a / b;
        return new ChatEvaluation(
            examples.Count,
            f1,
            Share(correct, examples.Count),
            Share(namedRight, named),
            unnamed == 0 ? 0 : (double)falseMentions / unnamed,
            Share(hardRight, hard),
            Share(quantitiesRight, quantities),
            errors);
    }
}
