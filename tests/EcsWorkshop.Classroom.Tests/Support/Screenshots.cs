using OpenQA.Selenium;

namespace EcsWorkshop.Classroom.Tests.Support;

/// <summary>Screenshots of what a browser test saw, kept for people to look at.</summary>
public static class Screenshots
{
    /// <summary>Where screenshots are kept (the repository's git-ignored <c>artifacts/screenshots</c>).</summary>
    public static string Folder => Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    /// <summary>Saves what the window shows as <c>artifacts/screenshots/NAME.png</c>; returns the path.</summary>
    public static string SaveScreenshot(this IWebDriver browser, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(path);
        return path;
    }
}
