using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Xunit;

namespace EcsWorkshop.TestSupport;

/// <summary>
/// Debian's chromium, headless, driven through Debian's chromedriver (Selenium), for tests that look at a page;
/// linked into every test project with browser tests.
/// </summary>
public static class HeadlessChromium
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";

    /// <summary>
    /// A browser whose page is exactly <paramref name="width"/>×<paramref name="height"/> pixels (what fits a window
    /// or a projector is judged on the page's own size); dispose it to end chromium and its driver.
    /// </summary>
    public static ChromeDriver Start(int width, int height)
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
        // --window-size sizes the window, not the page: grow the window by what its frame takes.
        var inner = (IReadOnlyCollection<object>)browser.Script("return [window.innerWidth, window.innerHeight];")!;
        var (w, h) = (Convert.ToInt32(inner.First()), Convert.ToInt32(inner.Last()));
        if (w != width || h != height) browser.Manage().Window.Size = new System.Drawing.Size(2 * width - w, 2 * height - h);
        return browser;
    }

    /// <summary>Runs a script and returns its value.</summary>
    public static object? Script(this IWebDriver browser, string script) => ((IJavaScriptExecutor)browser).ExecuteScript(script);

    /// <summary>The strings a script returns (an array of strings).</summary>
    public static IReadOnlyList<string> Strings(this IWebDriver browser, string script) =>
        [.. ((IEnumerable<object>)browser.Script(script)!).Select(o => (string)o)];
}
