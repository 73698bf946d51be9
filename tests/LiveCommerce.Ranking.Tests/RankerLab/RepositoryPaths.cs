using LiveCommerce.RankerLab.Obd;

namespace LiveCommerce.Ranking.Tests.RankerLab;

/// <summary>Locates the shared Open Bandit Dataset sample: &lt;repo root&gt;/../shared/data/obd.</summary>
internal static class RepositoryPaths
{
    public static string ObdSample()
    {
        var root = ObdDataLocator.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException($"No LiveCommerce.sln or .git above {AppContext.BaseDirectory}.");
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "obd"));
    }
}
