//go:build js

package model

import "context"

// check applies the model's rules with the tag engine (validate_tags.go):
// in js/wasm builds validator/v10 is not linked.
func check(ctx context.Context, v any) Findings { return checkTags(ctx, v) }
