namespace Fapiao.Sqlite; internal static class Placeholder { }
