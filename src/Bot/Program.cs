Console.WriteLine("Bot host: composition comes with the application layer.");
