using System.Globalization;
using LiveCommerce.RankerLab.Evaluation;
using LiveCommerce.RankerLab.OffPolicy;

namespace LiveCommerce.RankerLab;

/// <summary>Command-line options of RankerLab.</summary>
/// <param name="Evaluation">Evaluation settings (Open Bandit Dataset mode).</param>
/// <param name="Json">Print JSON instead of a table.</param>
/// <param name="Help">Print usage and exit.</param>
public sealed record LabOptions(EvaluationOptions Evaluation, bool Json, bool Help)
{
    /// <summary>Usage text.</summary>
    public const string Usage = """
        LiveCommerce.RankerLab - offline evaluation of the ranker

        Open Bandit Dataset mode (default):
          --data DIR         dataset folder (default: <repo root>/../shared/data/obd)
          --campaign C       men | women | both (default both)
          --max-rows N       use only the earliest N rows of each log file (default all)
          --train-fraction F share of the uniform-random rows, in time order, to learn from (default 0.7)
          --beta B           inverse temperature of the softmax policy (default 1)

        Ranked-list log mode (the engine's own logs, JSON lines of RankedListLog):
          --logs FILE               evaluate these logs off-policy (switches mode)
          --target-temperature T    target: the logging policy at scale-free temperature T; repeat or
                                    give a comma list, e.g. 0,0.25 (default 0 = greedy)
          --marginal-samples N      Monte-Carlo draws per distinct list and policy for the position
                                    marginals (default 20000; exact at temperature 0 or up to 6 items)
          --metric M                clicks | carts (default clicks)

        Both modes:
          --bootstrap N      bootstrap replicates for the 95% intervals (default 1000)
          --seed N           seed of the bootstrap (and of the Monte-Carlo marginals; default 20250101)
          --json             print JSON instead of a table
          --help             this text
        """;

    /// <summary>Settings of the off-policy mode over the engine's ranked-list logs; <see langword="null"/> in Open Bandit Dataset mode.</summary>
    public OffPolicyOptions? OffPolicy { get; init; }

    /// <summary>Parses the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">An option is unknown or malformed.</exception>
    public static LabOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var evaluation = new EvaluationOptions();
        var offPolicy = new OffPolicyOptions();
        List<double>? targets = null;
        string? datasetOption = null, logOption = null;
        bool json = false, help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            if (arg is "--data" or "--campaign" or "--max-rows" or "--train-fraction" or "--beta")
            {
                datasetOption ??= arg;
            }
            else if (arg is "--target-temperature" or "--marginal-samples" or "--metric")
            {
                logOption ??= arg;
            }

            switch (arg)
            {
                case "--logs":
                    offPolicy = offPolicy with { LogsPath = Value() };
                    break;
                case "--target-temperature":
                    targets ??= [];
                    foreach (var part in Value().Split(',', StringSplitOptions.TrimEntries))
                    {
                        var temperature = ParseDouble(arg, part);
                        targets.Add(temperature >= 0 ? temperature : throw new ArgumentException($"{arg} must be at least 0, not '{part}'."));
                    }

                    break;
                case "--marginal-samples":
                    offPolicy = offPolicy with { MarginalSamples = ParseInt(arg, Value(), 1) };
                    break;
                case "--metric":
                    var metric = Value();
                    offPolicy = offPolicy with
                    {
                        Metric = metric switch
                        {
                            "clicks" => OffPolicyMetric.Clicks,
                            "carts" => OffPolicyMetric.Carts,
                            _ => throw new ArgumentException($"--metric must be clicks or carts, not '{metric}'."),
                        },
                    };
                    break;
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

        if (offPolicy.LogsPath is null)
        {
            return logOption is null
                ? new LabOptions(evaluation, json, help)
                : throw new ArgumentException($"{logOption} needs --logs.");
        }

        if (datasetOption is not null)
        {
            throw new ArgumentException($"{datasetOption} belongs to the Open Bandit Dataset mode and cannot be combined with --logs.");
        }

        offPolicy = offPolicy with
        {
            TargetTemperatures = targets is null ? offPolicy.TargetTemperatures : [.. targets.Distinct()],
            BootstrapSamples = evaluation.BootstrapSamples,
            Seed = evaluation.Seed,
        };
        return new LabOptions(evaluation, json, help) { OffPolicy = offPolicy };
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
