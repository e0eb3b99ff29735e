// The entry point of micro_bench: Google Benchmark's own, after quieting the log, whose lines
// (migrations, the login) would otherwise interleave with the figures.
#include <benchmark/benchmark.h>

#include "core/log.h"

int main(int argc, char** argv) {
  meekijk::log::SetMinimumLevel(meekijk::log::Level::kWarn);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
