using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace EcsWorkshop.Lessons.Tests.Support;

/// <summary>Debian's chromium, headless, driven through Debian's chromedriver (Selenium), for tests that look at a page.</summary>
public static class HeadlessChromium
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";

    /// <summary>A browser window <paramref name="width"/> pixels wide; dispose it to end chromium and its driver.</summary>
    public static ChromeDriver Start(int width, int height = 900)
    {
        Assert.True(File.Exists(Chromium) && File.Exists(ChromeDriver),
            $"{Chromium} and {ChromeDriver} are needed (apt-get install chromium chromium-driver; ./test.sh installs them)");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", $"--window-size={width},{height}",
            "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-component-update");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>The strings a script returns (an array of strings).</summary>
    public static IReadOnlyList<string> Strings(this IWebDriver browser, string script) =>
        [.. ((IEnumerable<object>)((IJavaScriptExecutor)browser).ExecuteScript(script)!).Select(o => (string)o)];
}
