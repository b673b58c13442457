package corpus

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The encodings other than UTF-8 a text file is read from, as
// Document.Encoding names them.
const (
	EncodingUTF16LE     = "UTF-16LE"
	EncodingUTF16BE     = "UTF-16BE"
	EncodingWindows1252 = "Windows-1252"
)

// maxLegacyShare is the largest share of a file's bytes outside ASCII for
// which a file that is not UTF-8 is read as Windows-1252 (a superset of
// ISO-8859-1, Project Gutenberg's "8-bit" files): accented letters in
// Western European text are a few in a hundred, while a Cyrillic, Greek
// or Japanese legacy encoding makes most bytes non-ASCII and would be
// read as nonsense.
const maxLegacyShare = 0.10

// decodeText returns a text file's bytes as UTF-8 and the encoding they
// were read from, "" when they were UTF-8 already: UTF-16 with a
// byte-order mark or, without one, with every other byte zero; a file of
// a few non-UTF-8 bytes as Windows-1252. Anything else is returned as it
// is, for checkText to refuse.
func decodeText(data []byte) ([]byte, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return fromUTF16(data, unicode.LittleEndian, unicode.ExpectBOM, EncodingUTF16LE)
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return fromUTF16(data, unicode.BigEndian, unicode.ExpectBOM, EncodingUTF16BE)
	}
	if order, ok := utf16WithoutBOM(data); ok {
		name := EncodingUTF16LE
		if order == unicode.BigEndian {
			name = EncodingUTF16BE
		}
		return fromUTF16(data, order, unicode.IgnoreBOM, name)
	}
	if utf8.Valid(data) || looksBinary(data) || nonASCII(data) > maxLegacyShare*float64(len(data)) || damagedUTF8(data) {
		return data, "", nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return nil, "", fmt.Errorf("%w (read as Windows-1252: %v)", ErrEncoding, err)
	}
	return out, EncodingWindows1252, nil
}

func fromUTF16(data []byte, order unicode.Endianness, bom unicode.BOMPolicy, name string) ([]byte, string, error) {
	out, err := unicode.UTF16(order, bom).NewDecoder().Bytes(data)
	if err != nil || len(data)%2 != 0 {
		return nil, "", fmt.Errorf("%w (%s with an odd number of bytes or a broken character)", ErrUTF16, name)
	}
	return out, name, nil
}

// utf16WithoutBOM recognises UTF-16 text saved without a byte-order mark
// by its zero bytes: in text of Latin letters, one byte of nearly every
// pair is zero, always the same one.
func utf16WithoutBOM(data []byte) (unicode.Endianness, bool) {
	head := data[:min(len(data), 8192)&^1]
	if len(head) < 4 {
		return unicode.LittleEndian, false
	}
	even, odd := 0, 0
	for i := 0; i < len(head); i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	pairs := len(head) / 2
	switch {
	case odd*10 >= pairs*9 && even == 0:
		return unicode.LittleEndian, true
	case even*10 >= pairs*9 && odd == 0:
		return unicode.BigEndian, true
	}
	return unicode.LittleEndian, false
}

// damagedUTF8 reports whether text that is not valid UTF-8 is UTF-8 with
// a few bad bytes rather than a legacy encoding: it holds more than a few
// well-formed multi-byte characters for each bad byte, which text written
// in Windows-1252 almost never does ("Ã©" is "é" misread). Reading it as
// Windows-1252 would garble every accented letter, so it is refused
// with the line of its first bad byte instead.
func damagedUTF8(data []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case size > 1:
			good++
		}
		i += size
	}
	return good > bad/10
}

// nonASCII counts the bytes of data outside ASCII.
func nonASCII(data []byte) float64 {
	n := 0
	for _, b := range data {
		if b >= 0x80 {
			n++
		}
	}
	return float64(n)
}
