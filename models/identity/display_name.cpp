#include "identity/display_name.h"

#include <QRandomGenerator>
#include <array>

namespace forkscope {

namespace {
// Our own lists: calm, concrete words that read well together.
constexpr std::array kAdjectives = {
    "amber",   "brisk",   "calm",  "candid", "clever", "cosmic", "crisp",     "daring", "dewy",    "eager",
    "earnest", "fabled",  "fleet", "gentle", "gilded", "glad",   "hardy",     "hazel",  "humble",  "jolly",
    "keen",    "lively",  "lucid", "mellow", "misty",  "nimble", "noble",     "olive",  "patient", "plucky",
    "quiet",   "radiant", "rapid", "rustic", "sandy",  "serene", "silver",    "snowy",  "solar",   "steady",
    "stellar", "sunny",   "swift", "tidy",   "topaz",  "vivid",  "wandering", "warm",   "wise",    "zesty",
};
constexpr std::array kNouns = {
    "aurora", "badger",  "beacon", "breeze", "brook",   "canyon",  "cedar",  "comet",  "coral",   "cosmos",
    "delta",  "dune",    "ember",  "falcon", "fern",    "fjord",   "forest", "galaxy", "glacier", "grove",
    "harbor", "heron",   "island", "lagoon", "lantern", "meadow",  "mesa",   "moon",   "nebula",  "orchid",
    "otter",  "pebble",  "pine",   "planet", "prairie", "quartz",  "raven",  "reef",   "ridge",   "river",
    "sky",    "sparrow", "spring", "summit", "sunset",  "thunder", "tide",   "valley", "willow",  "wind",
};
} // namespace

QString generateDisplayName(qint64 ordinal)
{
    auto *rng = QRandomGenerator::global();
    return QStringLiteral("%1-%2-%3")
        .arg(QLatin1String(kAdjectives[rng->bounded(int(kAdjectives.size()))]),
             QLatin1String(kNouns[rng->bounded(int(kNouns.size()))]))
        .arg(ordinal);
}

} // namespace forkscope
