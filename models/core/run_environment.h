#pragma once

// The environment a process Forkscope starts for a run gets (models/launch),
// and that the client reads in init() (models/client): such a process logs to
// that run, in that store, whatever its own code names.
namespace forkscope {

// The immutable ID of the run the process is attached to.
inline constexpr char kRunIdVariable[] = "FORKSCOPE_RUN_ID";
// The store file (also what defaultStorePath() reads).
inline constexpr char kStoreVariable[] = "FORKSCOPE_STORE";

} // namespace forkscope
