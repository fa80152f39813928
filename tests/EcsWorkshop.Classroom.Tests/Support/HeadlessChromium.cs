using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace EcsWorkshop.Classroom.Tests.Support;

/// <summary>Debian's chromium, headless, driven through Debian's chromedriver (Selenium), as the workbook's browser tests drive it.</summary>
public static class HeadlessChromium
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";

    /// <summary>Where screenshots are kept (the repository's git-ignored <c>artifacts/screenshots</c>).</summary>
    public static string ScreenshotFolder => Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    /// <summary>A browser window of the given size (a projector's 1280×720 by default); dispose it to end chromium and its driver.</summary>
    public static ChromeDriver Start(int width = 1280, int height = 720)
    {
        Assert.True(File.Exists(Chromium) && File.Exists(ChromeDriver),
            $"{Chromium} and {ChromeDriver} are needed (apt-get install chromium chromium-driver; ./test.sh installs them)");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", $"--window-size={width},{height}",
            "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-component-update");
        var browser = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        // --window-size sizes the window; the page must get exactly width×height to judge what fits a projector.
        var inner = (IReadOnlyCollection<object>)((IJavaScriptExecutor)browser).ExecuteScript("return [window.innerWidth, window.innerHeight];")!;
        var (w, h) = (Convert.ToInt32(inner.First()), Convert.ToInt32(inner.Last()));
        if (w != width || h != height) browser.Manage().Window.Size = new System.Drawing.Size(2 * width - w, 2 * height - h);
        return browser;
    }

    /// <summary>Saves what the window shows as <c>artifacts/screenshots/NAME.png</c>; returns the path.</summary>
    public static string SaveScreenshot(this IWebDriver browser, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(path);
        return path;
    }

    /// <summary>Runs a script and returns its value.</summary>
    public static object? Script(this IWebDriver browser, string script) => ((IJavaScriptExecutor)browser).ExecuteScript(script);
}
