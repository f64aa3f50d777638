// Command eddy is a drop-in for the broadcast subset of `maelstrom test`:
// it runs a Maelstrom broadcast node binary over a simulated network, checks
// the history the way Maelstrom does, and exits with Maelstrom's codes
// (0 valid, 1 invalid, 2 unknown, 254 bad arguments, 255 crashed; 130 when
// interrupted). See README.md at the module's root.
//
// Throughout eddy's code, a section mark such as §6.3 names a section of
// docs/SEMANTICS.md, the module's specification of Maelstrom's behaviour.
package main
