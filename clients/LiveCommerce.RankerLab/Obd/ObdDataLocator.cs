namespace LiveCommerce.RankerLab.Obd;

/// <summary>Finds the Open Bandit Dataset sample on disk.</summary>
public static class ObdDataLocator
{
    /// <summary>
    /// Resolves a data directory to the folder holding <c>random/</c> and <c>bts/</c>. Accepts the sample's root
    /// (the folder with README.txt and <c>obd/</c>) or <c>obd/</c> itself. Without a directory, looks for
    /// <c>&lt;repo root&gt;/../shared/data/obd</c>, the repo root being the first parent of the working directory or
    /// of the application holding LiveCommerce.sln or .git.
    /// </summary>
    /// <param name="directory">The directory given with <c>--data</c>, or <see langword="null"/>.</param>
    /// <returns>The folder holding <c>random/</c> and <c>bts/</c>.</returns>
    /// <exception cref="DirectoryNotFoundException">No dataset was found.</exception>
    public static string Resolve(string? directory)
    {
        if (directory is not null)
        {
            return Normalise(directory) ?? throw new DirectoryNotFoundException($"No Open Bandit Dataset (random/ and bts/) under '{directory}'.");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var root = FindRepositoryRoot(start);
            if (root is not null && Normalise(Path.Combine(root, "..", "shared", "data", "obd")) is { } found)
            {
                return found;
            }
        }

        throw new DirectoryNotFoundException("Open Bandit Dataset not found; pass --data DIR (e.g. ../shared/data/obd).");
    }

    /// <summary>The first folder at or above <paramref name="start"/> holding LiveCommerce.sln or .git.</summary>
    /// <param name="start">Where to start.</param>
    /// <returns>The repository root, or <see langword="null"/>.</returns>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LiveCommerce.sln"))
                || Directory.Exists(Path.Combine(dir.FullName, ".git"))
                || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string? Normalise(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (Directory.Exists(Path.Combine(full, "obd", "random")))
        {
            return Path.Combine(full, "obd");
        }

        return Directory.Exists(Path.Combine(full, "random")) ? full : null;
    }
}
