using Bot.Host;

return await BotCommandLine.RunAsync(args);
