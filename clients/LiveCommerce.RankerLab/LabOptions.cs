using System.Globalization;
using LiveCommerce.RankerLab.Evaluation;

namespace LiveCommerce.RankerLab;

/// <summary>Command-line options of RankerLab.</summary>
/// <param name="Evaluation">Evaluation settings.</param>
/// <param name="Json">Print JSON instead of a table.</param>
/// <param name="Help">Print usage and exit.</param>
public sealed record LabOptions(EvaluationOptions Evaluation, bool Json, bool Help)
{
    /// <summary>Usage text.</summary>
    public const string Usage = """
        LiveCommerce.RankerLab - offline evaluation of the ranker on the Open Bandit Dataset sample

        Options:
          --data DIR         dataset folder (default: <repo root>/../shared/data/obd)
          --campaign C       men | women | both (default both)
          --max-rows N       use only the earliest N rows of each log file (default all)
          --bootstrap N      bootstrap replicates for the 95% intervals (default 1000)
          --seed N           bootstrap seed (default 20250101)
          --train-fraction F share of the uniform-random rows, in time order, to learn from (default 0.7)
          --beta B           inverse temperature of the softmax policy (default 1)
          --json             print JSON instead of a table
          --help             this text
        """;

    /// <summary>Parses the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">An option is unknown or malformed.</exception>
    public static LabOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var evaluation = new EvaluationOptions();
        bool json = false, help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            switch (arg)
            {
                case "--data":
                    evaluation = evaluation with { DataDirectory = Value() };
                    break;
                case "--campaign":
                    var campaign = Value();
                    evaluation = evaluation with
                    {
                        Campaigns = campaign switch
                        {
                            "men" => ["men"],
                            "women" => ["women"],
                            "both" => ["men", "women"],
                            _ => throw new ArgumentException($"--campaign must be men, women or both, not '{campaign}'."),
                        },
                    };
                    break;
                case "--max-rows":
                    evaluation = evaluation with { MaxRows = ParseInt(arg, Value(), 0) };
                    break;
                case "--bootstrap":
                    evaluation = evaluation with { BootstrapSamples = ParseInt(arg, Value(), 1) };
                    break;
                case "--seed":
                    evaluation = evaluation with { Seed = ParseInt(arg, Value(), int.MinValue) };
                    break;
                case "--train-fraction":
                    var fraction = ParseDouble(arg, Value());
                    evaluation = evaluation with
                    {
                        TrainFraction = fraction is > 0 and < 1 ? fraction : throw new ArgumentException("--train-fraction must be in (0, 1)."),
                    };
                    break;
                case "--beta":
                    evaluation = evaluation with { SoftmaxBeta = ParseDouble(arg, Value()) };
                    break;
                case "--json":
                    json = true;
                    break;
                case "--help" or "-h":
                    help = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{arg}'.");
            }
        }

        return new LabOptions(evaluation, json, help);
    }

    private static int ParseInt(string option, string text, int min) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new ArgumentException($"{option} needs an integer of at least {min}, not '{text}'.");

    private static double ParseDouble(string option, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"{option} needs a number, not '{text}'.");
}
