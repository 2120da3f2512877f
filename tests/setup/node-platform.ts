// Tests run the core as the command line does: on Node's platform (files on disk, zlib, node:crypto).
import '../../src/node/platform.js';
