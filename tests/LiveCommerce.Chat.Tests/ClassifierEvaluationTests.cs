using LiveCommerce.Chat;
using Xunit.Abstractions;

namespace LiveCommerce.Chat.Tests;

/// <summary>The CI gate: the classifier trained on data/chat/train.tsv, scored on the held-out data/chat/test.tsv.</summary>
public sealed class ClassifierEvaluationTests(ITestOutputHelper output)
{
    private static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "data", file);

    [Fact]
    public void Test_split_meets_the_targets()
    {
        var catalogs = ChatCorpus.LoadCatalogs(Data("catalogs.tsv"));
        var classifier = ChatClassifier.Train(ChatCorpus.Load(Data("train.tsv")), catalogs);
        var result = ChatEvaluation.Run(classifier, ChatCorpus.Load(Data("test.tsv")), catalogs);

        output.WriteLine($"comments {result.Count}  macro-F1 {result.MacroF1:F3}  accuracy {result.Accuracy:F3}  product {result.ProductAccuracy:F3}  false mentions {result.FalseMentionRate:F3}  hard {result.HardAccuracy:F3}  quantity {result.QuantityAccuracy:F3}");
        foreach (var (example, reading) in result.Errors)
        {
            output.WriteLine($"  {example.Intent,-8} → {reading.Intent,-8} {example.Text}");
        }

        Assert.True(result.Count >= 200, $"test split has {result.Count} comments");
        Assert.True(result.MacroF1 >= 0.90, $"macro-F1 {result.MacroF1:F3} < 0.90");
        Assert.True(result.ProductAccuracy >= 0.80, $"product accuracy {result.ProductAccuracy:F3} < 0.80");
        Assert.True(result.FalseMentionRate <= 0.10, $"false mentions {result.FalseMentionRate:F3} > 0.10");
        Assert.True(result.HardAccuracy >= 0.75, $"hard cases {result.HardAccuracy:F3} < 0.75");
        Assert.True(result.QuantityAccuracy >= 0.90, $"quantity {result.QuantityAccuracy:F3} < 0.90");
    }

    [Fact]
    public void Corpus_has_at_least_a_thousand_comments_and_no_test_comment_in_training()
    {
        var train = ChatCorpus.Load(Data("train.tsv"));
        var test = ChatCorpus.Load(Data("test.tsv"));
        Assert.True(train.Count + test.Count >= 1000);
        var seen = train.Select(e => e.Text.ToLowerInvariant()).ToHashSet();
        Assert.DoesNotContain(test, e => seen.Contains(e.Text.ToLowerInvariant()));
    }
}
