import Foundation

/// CPU seconds of what the services stand on — PostgreSQL (every `postgres` process, including
/// what exited backends left in the postmaster's children times), RabbitMQ (`beam.smp`), the SMTP
/// sink — and of the benchmark's own client, so a run shows where all the machine's time went.
struct InfraGauge {
    static let parts = ["postgresql", "rabbitmq", "smtp sink", "bench client"]

    func sample() -> [String: Double] {
        var totals: [String: Double] = [:]
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries where entry.allSatisfy(\.isNumber) {
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { continue }
            let command = String(stat[stat.index(after: open)..<close])
            let part: String
            if command == "postgres" {
                part = "postgresql"
            } else if command == "beam.smp" {
                part = "rabbitmq"
            } else if command.hasPrefix("python3"),
                      let line = try? String(contentsOfFile: "/proc/\(entry)/cmdline", encoding: .utf8), line.contains("smtp_sink.py") {
                part = "smtp sink"
            } else if Int(entry) == Int(getpid()) {
                part = "bench client"
            } else {
                continue
            }
            // utime, stime, cutime, cstime: the 14th–17th fields.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            let cpu = (11...14).reduce(0.0) { $0 + (Double(fields[$1]) ?? 0) } / ticks
            totals[part, default: 0] += cpu
        }
        return totals
    }
}
