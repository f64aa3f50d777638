package report

import (
	"os"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legendWidth is the strip right of the plot that holds the legend, so
// the legend never covers data or partition labels.
const legendWidth = 1.9 * vg.Inch

// savePNG draws p at the house size with its legend beside it rather than
// over it.
func savePNG(p *plot.Plot, path string) error {
	return savePNGSized(p, path, plotWidth, plotHeight)
}

// savePNGSized is savePNG at another size.
func savePNGSized(p *plot.Plot, path string, width, height vg.Length) (err error) {
	img, err := draw.NewFormattedCanvas(width, height, "png")
	if err != nil {
		return err
	}
	c := draw.New(img)
	legend := p.Legend
	p.Legend = plot.NewLegend()
	p.Draw(draw.Crop(c, 0, -legendWidth, 0, 0))
	legend.Top, legend.Left = true, true
	legend.YOffs = -p.Title.TextStyle.Rectangle(p.Title.Text).Size().Y - vg.Points(8)
	legend.Draw(draw.Crop(c, width-legendWidth+vg.Points(8), 0, 0, 0))

	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	_, err = img.WriteTo(f)
	return err
}
