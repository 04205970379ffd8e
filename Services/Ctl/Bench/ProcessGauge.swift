import Foundation

/// CPU time and resident memory of the local services, from `/proc` (pids in `.local/run/`).
struct ProcessGauge {
    struct Sample {
        var cpuSeconds: Double
        var rssKiB: Int
        var peakKiB: Int
    }

    let names: [String]
    let runDirectory: String

    func pid(_ name: String) -> Int? {
        (try? String(contentsOfFile: "\(runDirectory)/\(name).pid", encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    func sample() -> [String: Sample] {
        var result: [String: Sample] = [:]
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        for name in names {
            guard let pid = pid(name), let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { continue }
            // Fields after the command name (which may hold spaces): utime is the 14th, stime the 15th field.
            let rest = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")
            let cpu = ((Double(rest[11]) ?? 0) + (Double(rest[12]) ?? 0)) / ticks
            func kib(_ key: String) -> Int {
                status.split(separator: "\n").first { $0.hasPrefix(key) }.flatMap { Int($0.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "") } ?? 0
            }
            result[name] = Sample(cpuSeconds: cpu, rssKiB: kib("VmRSS:"), peakKiB: kib("VmHWM:"))
        }
        return result
    }
}

/// Percentiles of a list of seconds.
func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((p * Double(sorted.count - 1)).rounded()))]
}

/// Prints a line and flushes, so figures appear as they come also through a pipe.
func say(_ line: String) {
    print(line)
    fflush(nil)
}
