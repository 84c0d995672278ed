//! The program's own files on disk. For now the one way every file is written whole or not
//! at all ([`write_atomically`]); the data folder, the downloader and the installers
//! (today in `geocode::install` and `reference::cercles`) are to move here.
//!
//! Not here: what the files mean (gazetteer, cercles, exports) or how they are parsed.

pub mod atomic;

pub use atomic::write_atomically;
