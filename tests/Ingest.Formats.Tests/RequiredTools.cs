namespace Ingest.Formats.Tests;

/// <summary>
/// Tests that run an external tool must not pass silently where it is missing: they fail and say
/// which Debian package CI has to install.
/// </summary>
internal static class RequiredTools
{
    public static string Require(string executable, string debianPackage)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"This test needs '{executable}', which is not on PATH. Install it: apt-get install {debianPackage}");
        return string.Empty;
    }

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);
}
