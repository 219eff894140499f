namespace OobcCalendar.Testing;

/// <summary>Finds the repository (the folder holding OobcCalendar.sln) from a test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "OobcCalendar.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("OobcCalendar.sln not found above " + AppContext.BaseDirectory);
    }
}
