namespace LiveCommerce.Testing.Media;

/// <summary>The repository's root folder (the one holding <c>LiveCommerce.sln</c>), found from the test's output folder.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "LiveCommerce.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (with LiveCommerce.sln) is not above " + AppContext.BaseDirectory);
    });

    /// <summary>The root's path.</summary>
    public static string Path => Root.Value;

    /// <summary>A path inside the repository.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
