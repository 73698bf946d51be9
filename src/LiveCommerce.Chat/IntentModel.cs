using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace LiveCommerce.Chat;

/// <summary>
/// The intent model: ML.NET text featurization (word uni- and bigrams, character trigrams, no stop-word
/// removal so negations count) over the normalized, stemmed comment, and a linear maximum-entropy trainer
/// (L-BFGS). Trained once from the labelled corpus; predictions are thread-safe (pooled prediction engines).
/// </summary>
public sealed class IntentModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly ConcurrentBag<PredictionEngine<Input, Output>> _engines = [];

    private IntentModel(MLContext ml, ITransformer model)
    {
        _ml = ml;
        _model = model;
    }

    /// <summary>Trains a model on <paramref name="examples"/> (deterministic for a given seed).</summary>
    public static IntentModel Train(IEnumerable<(string Features, ChatIntent Intent)> examples, int seed = 1)
    {
        var ml = new MLContext(seed);
        var rows = examples.Select(e => new Input { Text = e.Features, Label = e.Intent.ToWire() }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var text = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = true,
            KeepPunctuations = true,
            KeepNumbers = true,
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", text, nameof(Input.Text)))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(l2Regularization: 0.01f, l1Regularization: 0f))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        return new IntentModel(ml, pipeline.Fit(data));
    }

    /// <summary>The intent of a featurized comment and the model's probability for it.</summary>
    public (ChatIntent Intent, float Confidence) Predict(string features)
    {
        if (!_engines.TryTake(out var engine))
        {
            engine = _ml.Model.CreatePredictionEngine<Input, Output>(_model);
        }

        try
        {
            var output = engine.Predict(new Input { Text = features });
            ChatIntents.TryParse(output.PredictedLabel, out var intent);
            var confidence = output.Score is { Length: > 0 } s ? s.Max() : 0f;
            return (intent, confidence);
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    /// <summary>An ML.NET input row.</summary>
    public sealed class Input
    {
        /// <summary>The featurized comment.</summary>
        public string Text { get; set; } = "";

        /// <summary>The wire name of the intent (training only).</summary>
        public string Label { get; set; } = "";
    }

    /// <summary>An ML.NET output row.</summary>
    public sealed class Output
    {
        /// <summary>The predicted wire name.</summary>
        [ColumnName("PredictedLabel")]
        public string PredictedLabel { get; set; } = "";

        /// <summary>Per-class probabilities.</summary>
        public float[] Score { get; set; } = [];
    }
}
