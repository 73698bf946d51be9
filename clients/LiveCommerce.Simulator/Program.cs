using LiveCommerce.Simulator;
using LiveCommerce.Simulator.Scenarios;
using LiveCommerce.Simulator.Setup;

var options = SimulatorOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(SimulatorOptions.Usage);
    return 2;
}

using var http = new HttpClient { BaseAddress = options.Urls[0], Timeout = TimeSpan.FromSeconds(60) };
var tokens = new TokenSource(http, options.SigningKey);
var summary = options.Scenario switch
{
    "fanout" => await new PinFanoutScenario(options, http, tokens).RunAsync(),
    "rush" => await new FlashRushScenario(options, http, tokens).RunAsync(),
    "engagement" => await new EngagementScenario(options, http, tokens).RunAsync(),
    _ => null,
};
if (summary is null)
{
    Console.Error.WriteLine($"unknown scenario '{options.Scenario}'");
    Console.Error.WriteLine(SimulatorOptions.Usage);
    return 2;
}

summary.Print(options.Json);
return 0;
