namespace Bot.Discord.Gateway;

/// <summary>Gateway close event codes and what the shard does on each.</summary>
public static class GatewayCloseCodes
{
    public const int UnknownError = 4000;
    public const int UnknownOpcode = 4001;
    public const int DecodeError = 4002;
    public const int NotAuthenticated = 4003;
    public const int AuthenticationFailed = 4004;
    public const int AlreadyAuthenticated = 4005;
    public const int InvalidSequence = 4007;
    public const int RateLimited = 4008;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    /// <summary>
    /// Resume for 4000-4003, 4005, 4008, unknown codes and drops without a close frame; new session for 4007 and
    /// 4009; stop for 4004 and 4010-4014 (Reconnect = false: the configuration must be fixed).
    /// </summary>
    public static GatewayCloseAction Classify(int? closeCode) => closeCode switch
    {
        AuthenticationFailed or (>= InvalidShard and <= DisallowedIntents) => GatewayCloseAction.Stop,
        InvalidSequence or SessionTimedOut => GatewayCloseAction.Reidentify,
        _ => GatewayCloseAction.Resume,
    };

    /// <summary>Documented description of a close code, or null for codes the docs do not list.</summary>
    public static string? Describe(int closeCode) => closeCode switch
    {
        UnknownError => "Unknown error",
        UnknownOpcode => "Unknown opcode",
        DecodeError => "Decode error",
        NotAuthenticated => "Not authenticated",
        AuthenticationFailed => "Authentication failed",
        AlreadyAuthenticated => "Already authenticated",
        InvalidSequence => "Invalid seq",
        RateLimited => "Rate limited",
        SessionTimedOut => "Session timed out",
        InvalidShard => "Invalid shard",
        ShardingRequired => "Sharding required",
        InvalidApiVersion => "Invalid API version",
        InvalidIntents => "Invalid intent(s)",
        DisallowedIntents => "Disallowed intent(s)",
        _ => null,
    };
}

/// <summary>What a shard does after a connection ends.</summary>
public enum GatewayCloseAction
{
    /// <summary>Reconnect to <c>resume_gateway_url</c> and send Resume.</summary>
    Resume,

    /// <summary>Start a new session: reconnect to the cached gateway URL and Identify.</summary>
    Reidentify,

    /// <summary>Do not reconnect: the configuration must be fixed.</summary>
    Stop,
}
